package io.bootmigrations.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.SmartApplicationListener;

import io.bootmigrations.actuate.MigrationReadiness;
import io.bootmigrations.actuate.TargetsSummary;
import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;

/**
 * Keeps the application's {@link ReadinessState} in line with migrations: refuses traffic
 * while a run is under way or after a failure the application survived, and accepts it
 * again when a run succeeds. Spring Boot publishes {@code ACCEPTING_TRAFFIC} once the
 * application is ready; while migrations are not ready, that is answered with
 * {@code REFUSING_TRAFFIC}. Liveness is never changed here.
 */
class MigrationsAvailability implements MigrationListener, SmartApplicationListener {

	private static final Log logger = LogFactory.getLog(MigrationsAvailability.class);

	private static final long ORDERING_WAIT_MILLIS = 5000;

	private final ApplicationEventPublisher publisher;

	private final Supplier<MigrationStatus> status;

	private final Supplier<@Nullable ApplicationAvailability> availability;

	private final boolean blockOnUnexpected;

	private final Supplier<Map<String, MigrationStatus>> targets;

	private volatile boolean applicationReady;

	MigrationsAvailability(ApplicationEventPublisher publisher, Supplier<MigrationStatus> status,
			Supplier<@Nullable ApplicationAvailability> availability, boolean blockOnUnexpected) {
		this(publisher, status, availability, blockOnUnexpected, Map::of);
	}

	/**
	 * Create the availability that also waits for the application's other targets
	 * (issue #11): one readiness verdict for all of them.
	 */
	MigrationsAvailability(ApplicationEventPublisher publisher, Supplier<MigrationStatus> status,
			Supplier<@Nullable ApplicationAvailability> availability, boolean blockOnUnexpected,
			Supplier<Map<String, MigrationStatus>> targets) {
		this.publisher = publisher;
		this.status = status;
		this.availability = availability;
		this.blockOnUnexpected = blockOnUnexpected;
		this.targets = targets;
	}

	@Override
	public boolean supportsEventType(Class<? extends ApplicationEvent> eventType) {
		return ApplicationReadyEvent.class.isAssignableFrom(eventType)
				|| AvailabilityChangeEvent.class.isAssignableFrom(eventType);
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationReadyEvent) {
			this.applicationReady = true;
		}
		else if (event instanceof AvailabilityChangeEvent<?> change
				&& change.getState() == ReadinessState.ACCEPTING_TRAFFIC && !migrationsReady()) {
			refuseAfter(change);
		}
	}

	@Override
	public void runStarted(String operation, int total) {
		if (this.applicationReady) {
			refuse();
		}
	}

	@Override
	public void runFinished(RunReport report, MigrationStatus status) {
		if (!this.applicationReady) {
			return; // Boot publishes the readiness of a starting application
		}
		if (MigrationReadiness.of(status, this.blockOnUnexpected) == MigrationReadiness.READY && targetsReady()) {
			AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.ACCEPTING_TRAFFIC);
		}
		else {
			refuse();
		}
	}

	private boolean migrationsReady() {
		return MigrationReadiness.of(this.status.get(), this.blockOnUnexpected) == MigrationReadiness.READY
				&& targetsReady();
	}

	private boolean targetsReady() {
		Map<String, MigrationStatus> targets = this.targets.get();
		return targets.isEmpty() || TargetsSummary.of(targets, this.blockOnUnexpected).readiness() == MigrationReadiness.READY;
	}

	/**
	 * Refuse traffic once the given {@code ACCEPTING_TRAFFIC} event has reached the
	 * application's availability state. Listeners of one event are called in an order
	 * that cannot be relied upon; publishing the refusal before the availability bean has
	 * seen the acceptance would leave the application accepting traffic.
	 */
	private void refuseAfter(AvailabilityChangeEvent<?> accepted) {
		ApplicationAvailability availability = this.availability.get();
		if (availability == null || availability.getLastChangeEvent(ReadinessState.class) == accepted) {
			refuse();
			return;
		}
		Thread thread = new Thread(() -> {
			long deadline = System.currentTimeMillis() + ORDERING_WAIT_MILLIS;
			try {
				while (availability.getLastChangeEvent(ReadinessState.class) != accepted
						&& System.currentTimeMillis() < deadline) {
					Thread.sleep(1);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			if (!migrationsReady()) {
				refuse();
			}
		}, "migrations-readiness");
		thread.setDaemon(true);
		thread.start();
	}

	private void refuse() {
		logger.debug("Migrations are not ready: refusing traffic");
		AvailabilityChangeEvent.publish(this.publisher, this, ReadinessState.REFUSING_TRAFFIC);
	}

}
