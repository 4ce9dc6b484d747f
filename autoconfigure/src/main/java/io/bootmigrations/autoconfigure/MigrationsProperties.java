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

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
