package io.bootmigrations.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of Boot Migrations. Liquibase's own settings are read from Boot's
 * {@code spring.liquibase.*} keys; only what is new lives here.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties {

	/**
	 * Whether Boot Migrations is enabled. When disabled, Spring Boot's own Liquibase
	 * support applies as if the starter were absent.
	 */
	private boolean enabled = true;

	// --- operator view (issue #3): failure policy, execution, status, health ---

	/**
	 * What to do when the migration on boot fails.
	 */
	private OnFailure onFailure = OnFailure.FAIL;

	/**
	 * When the migration on boot runs.
	 */
	private Execution execution = Execution.SYNC;

	private final Status status = new Status();

	private final Health health = new Health();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	public Execution getExecution() {
		return this.execution;
	}

	public void setExecution(Execution execution) {
		this.execution = execution;
	}

	public Status getStatus() {
		return this.status;
	}

	public Health getHealth() {
		return this.health;
	}

	/**
	 * What to do when the migration on boot fails.
	 */
	public enum OnFailure {

		/**
		 * Abort startup with a report (exit code 1); in background execution, mark the
		 * application's liveness broken so that it is restarted.
		 */
		FAIL,

		/**
		 * Keep running but refuse traffic: readiness and the health indicator report the
		 * failure, and {@code /actuator/migrations} explains it.
		 */
		STAY_NOT_READY

	}

	/**
	 * When the migration on boot runs.
	 */
	public enum Execution {

		/**
		 * During context refresh, before any bean that uses the database is created.
		 */
		SYNC,

		/**
		 * On a thread of its own while the application starts; readiness refuses traffic
		 * until it succeeds.
		 */
		BACKGROUND

	}

	/**
	 * Settings of the status snapshot that the endpoint and health indicator serve.
	 */
	public static class Status {

		/**
		 * How often to re-read the applied changesets from the database, so that a replica
		 * notices changes made by another deployment. Never re-read when unset.
		 */
		private @Nullable Duration refreshInterval;

		public @Nullable Duration getRefreshInterval() {
			return this.refreshInterval;
		}

		public void setRefreshInterval(@Nullable Duration refreshInterval) {
			this.refreshInterval = refreshInterval;
		}

	}

	/**
	 * Settings of the {@code migrations} health indicator.
	 */
	public static class Health {

		/**
		 * Whether changesets in the database that this build's changelog does not contain
		 * make the health indicator DOWN instead of UP with a warning.
		 */
		private boolean downOnUnexpected;

		public boolean isDownOnUnexpected() {
			return this.downOnUnexpected;
		}

		public void setDownOnUnexpected(boolean downOnUnexpected) {
			this.downOnUnexpected = downOnUnexpected;
		}

	}

}
