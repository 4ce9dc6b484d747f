/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.bootmigrations.autoconfigure;

import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationEventPublisherAware;
import org.springframework.context.ApplicationListener;

import io.bootmigrations.autoconfigure.properties.Execution;
import io.bootmigrations.autoconfigure.properties.Mode;
import io.bootmigrations.autoconfigure.properties.OnFailure;
import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.ValidationResult;

/**
 * Migrates the database while the application context refreshes, through the
 * {@link MigrationEngine}.
 * <p>
 * It is named {@code liquibase} like Boot's own bean, so {@code @DependsOn("liquibase")}
 * keeps working, but it is no {@code SpringLiquibase} on purpose: creating one starts
 * Liquibase (its scope, service locator and configuration), which a restart with nothing
 * to apply never needs. What Boot derived from the {@code SpringLiquibase} bean is
 * provided instead: {@link MigrationsDatabaseInitializerDetector} makes every bean that
 * uses the database ({@code JdbcTemplate}, {@code JdbcClient}, JPA, anything
 * {@code @DependsOnDatabaseInitialization}) wait for it,
 * {@link BootLiquibaseAutoConfigurationFilter} keeps Boot's own Liquibase
 * auto-configuration out, {@link MigrationsAutoConfiguration} tells Hibernate the schema
 * is managed, and {@link MigrationsLiquibaseEndpointAutoConfiguration} keeps
 * {@code /actuator/liquibase} working.
 * <p>
 * {@link OnFailure} decides whether a failure aborts startup or leaves the application
 * running but not ready; {@link Execution} whether the migration runs during context
 * refresh or on a thread of its own.
 */
public class MigrationsInitializer implements InitializingBean, ApplicationEventPublisherAware,
		ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

	private final MigrationEngine engine;

	private final DataSource dataSource;

	private final @Nullable MigrationStrategy strategy;

	private final Mode mode;

	private final OnFailure onFailure;

	private final Execution execution;

	private @Nullable ApplicationEventPublisher eventPublisher;

	private volatile @Nullable Thread background;

	private final Object livenessMonitor = new Object();

	private boolean applicationReady;

	private boolean brokenPending;

	/**
	 * Create an initializer.
	 * @param engine the engine that migrates
	 * @param dataSource the data source the engine migrates, as reported to Boot's
	 * Liquibase endpoint
	 * @param strategy what to do instead of migrating, if anything
	 */
	public MigrationsInitializer(MigrationEngine engine, DataSource dataSource, @Nullable MigrationStrategy strategy) {
		this(engine, dataSource, strategy, Mode.MIGRATE, OnFailure.FAIL, Execution.SYNC);
	}

	/**
	 * Create an initializer.
	 * @param engine the engine that migrates
	 * @param dataSource the data source the engine migrates, as reported to Boot's
	 * Liquibase endpoint
	 * @param strategy what to do instead of migrating in {@link Mode#MIGRATE}, if
	 * anything
	 * @param mode what to do on boot
	 * @param onFailure what to do when the migration fails
	 * @param execution when to migrate
	 */
	public MigrationsInitializer(MigrationEngine engine, DataSource dataSource, @Nullable MigrationStrategy strategy,
			Mode mode, OnFailure onFailure, Execution execution) {
		this.engine = engine;
		this.strategy = strategy;
		this.mode = mode;
		this.onFailure = onFailure;
		this.execution = execution;
		this.dataSource = dataSource;
	}

	/**
	 * The data source the engine migrates, as reported to Boot's Liquibase endpoint.
	 * @return the data source
	 */
	public DataSource getDataSource() {
		return this.dataSource;
	}

	/**
	 * The engine this initializer runs.
	 * @return the engine
	 */
	public MigrationEngine getEngine() {
		return this.engine;
	}

	@Override
	public void setApplicationEventPublisher(ApplicationEventPublisher eventPublisher) {
		this.eventPublisher = eventPublisher;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.execution == Execution.BACKGROUND) {
			Thread thread = new Thread(this::migrateInBackground, "migrations");
			this.background = thread;
			thread.start();
			return;
		}
		Thread hook = registerShutdownHook();
		try {
			migrate();
		}
		catch (MigrationException ex) {
			if (this.onFailure == OnFailure.FAIL || ex.getFailure().kind() == MigrationFailure.Kind.STOPPED) {
				throw ex;
			}
			logFailure(ex.getFailure(), "the application stays up but refuses traffic");
		}
		finally {
			removeShutdownHook(hook);
		}
	}

	/**
	 * Spring's own shutdown hook waits for the context's refresh to end, so during a
	 * migration on boot SIGTERM would change nothing until the migration is done. This
	 * hook asks the engine to stop (a waiting replica stops waiting; a migrating one
	 * stops after the current changeset) and waits, bounded, until it has released the
	 * lock.
	 */
	private Thread registerShutdownHook() {
		Thread hook = new Thread(() -> {
			this.engine.requestStop();
			try {
				if (!this.engine.awaitNoRun(SHUTDOWN_WAIT)) {
					logger.warn("Migrations: the migration did not stop within " + SHUTDOWN_WAIT.toSeconds()
							+ " s of the shutdown; exiting anyway (on PostgreSQL the current changeset is rolled "
							+ "back with its record)");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "migrations-shutdown");
		try {
			Runtime.getRuntime().addShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// already shutting down
			this.engine.requestStop();
		}
		return hook;
	}

	private static void removeShutdownHook(Thread hook) {
		try {
			Runtime.getRuntime().removeShutdownHook(hook);
		}
		catch (IllegalStateException ex) {
			// shutting down: the hook runs, and finds no run under way
		}
	}

	private void migrate() {
		if (this.mode == Mode.OFF) {
			logger.info("Migrations: migrations.mode=off, the database is left as it is");
			return;
		}
		if (this.mode == Mode.VALIDATE) {
			ValidationResult result = this.engine.validate();
			MigrationFailure failure = result.toFailure();
			if (failure != null) {
				throw new MigrationException(failure, null);
			}
			logger.info("Migrations: migrations.mode=validate, the database matches the changelog ("
					+ result.status().applied().size() + " applied)");
			return;
		}
		if (this.strategy != null) {
			this.strategy.migrate(this.engine);
		}
		else {
			this.engine.migrate();
		}
	}

	private void migrateInBackground() {
		Thread hook = registerShutdownHook();
		try {
			migrate();
		}
		catch (MigrationException ex) {
			boolean markBroken = this.onFailure == OnFailure.FAIL && this.eventPublisher != null;
			logFailure(ex.getFailure(),
					markBroken
							? "liveness is marked BROKEN (migrations.on-failure=fail) "
									+ "so that the application is restarted"
							: "the application stays up but refuses traffic");
			if (markBroken) {
				markBrokenOnceStarted();
			}
		}
		catch (RuntimeException | Error ex) {
			// one line at ERROR; the stack (thousands of frames for a StackOverflowError)
			// at DEBUG
			logger.error("Migrations: the background migration stopped unexpectedly: " + ex);
			logger.debug("Migrations: the background migration stopped unexpectedly", ex);
			// readiness follows the engine's status (a failed run is FAILED) through the
			// migrations
			// indicator in the readiness group: nothing to publish here
		}
		finally {
			removeShutdownHook(hook);
			this.background = null;
		}
	}

	/**
	 * Boot publishes {@code LivenessState.CORRECT} when the application has started; a
	 * background migration that fails before that must not be overwritten by it, so
	 * {@code BROKEN} waits for {@link ApplicationReadyEvent}, which comes after.
	 */
	private void markBrokenOnceStarted() {
		boolean now;
		synchronized (this.livenessMonitor) {
			now = this.applicationReady;
			this.brokenPending = !now;
		}
		if (now) {
			AvailabilityChangeEvent.publish(this.eventPublisher, this, LivenessState.BROKEN);
		}
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		boolean publish;
		synchronized (this.livenessMonitor) {
			this.applicationReady = true;
			publish = this.brokenPending;
			this.brokenPending = false;
		}
		if (publish && this.eventPublisher != null) {
			AvailabilityChangeEvent.publish(this.eventPublisher, this, LivenessState.BROKEN);
		}
	}

	private void logFailure(MigrationFailure failure, String consequence) {
		logger.error("Migrations: the migration failed (" + Failures.kind(failure) + "); " + consequence + ". "
				+ Failures.summary(failure) + ". " + failure.action());
	}

	@Override
	public void destroy() throws InterruptedException {
		Thread thread = this.background;
		if (thread != null) {
			this.engine.requestStop();
			logger.info("Migrations: waiting up to " + SHUTDOWN_WAIT.toSeconds()
					+ " s for the background migration to finish before shutting down");
			thread.join(SHUTDOWN_WAIT.toMillis());
		}
	}

}
