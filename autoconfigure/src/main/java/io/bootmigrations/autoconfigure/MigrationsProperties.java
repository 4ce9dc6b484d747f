package io.bootmigrations.autoconfigure;

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

	private final FastPath fastPath = new FastPath();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public FastPath getFastPath() {
		return this.fastPath;
	}

	/**
	 * Fast path of a boot with nothing to apply.
	 */
	public static class FastPath {

		/**
		 * Whether a boot skips Liquibase when nothing that decides its outcome changed since
		 * the last run that left nothing to do (changelog files, settings, Liquibase version,
		 * DATABASECHANGELOG rows).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
