package io.bootmigrations.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.availability.ApplicationAvailabilityBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.SimpleApplicationEventMulticaster;

import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link MigrationsAvailability}: Boot's {@code ACCEPTING_TRAFFIC} is answered
 * with {@code REFUSING_TRAFFIC} while migrations are not ready, whichever of the two
 * listeners the event reaches first.
 */
class MigrationsAvailabilityTests {

	private final SimpleApplicationEventMulticaster multicaster = new SimpleApplicationEventMulticaster();

	private final ApplicationAvailabilityBean availability = new ApplicationAvailabilityBean();

	private final AtomicReference<MigrationStatus> status = new AtomicReference<>();

	private final AtomicInteger refusals = new AtomicInteger();

	private final MigrationsAvailability migrations = new MigrationsAvailability(this::publish, this.status::get,
			() -> this.availability, false);

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void refusesTrafficWhileMigratingWhicheverListenerRunsFirst(boolean migrationsFirst) {
		register(migrationsFirst);
		this.status.set(status(MigrationState.MIGRATING));
		AvailabilityChangeEvent.publish(this::publish, this, ReadinessState.ACCEPTING_TRAFFIC);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.availability.getReadinessState() == ReadinessState.REFUSING_TRAFFIC);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void leavesTrafficAcceptedWhenMigrationsAreReady(boolean migrationsFirst) {
		register(migrationsFirst);
		this.status.set(status(MigrationState.UP_TO_DATE));
		AvailabilityChangeEvent.publish(this::publish, this, ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(this.availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		assertThat(this.refusals).hasValue(0);
	}

	private void register(boolean migrationsFirst) {
		if (migrationsFirst) {
			this.multicaster.addApplicationListener(this.migrations);
			this.multicaster.addApplicationListener(this.availability);
		}
		else {
			this.multicaster.addApplicationListener(this.availability);
			this.multicaster.addApplicationListener(this.migrations);
		}
	}

	private void publish(Object event) {
		if (event instanceof AvailabilityChangeEvent<?> change
				&& change.getState() == ReadinessState.REFUSING_TRAFFIC) {
			this.refusals.incrementAndGet();
		}
		this.multicaster.multicastEvent((ApplicationEvent) event);
	}

	private static MigrationStatus status(MigrationState state) {
		return new MigrationStatus(state, "db/a.xml", null, List.of(), List.of(), List.of(), null, null, null,
				Instant.now());
	}

}
