package io.bootmigrations.autoconfigure;

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

	// ---- Modes and commands (issue #5)

	/**
	 * What happens to the database on boot: migrate it, only validate it against the
	 * changelog, or nothing.
	 */
	private Mode mode = Mode.MIGRATE;

	/**
	 * Command to run instead of the application, which then exits: status, check,
	 * history, upgrade, downgrade, upgrade-sql, downgrade-sql, tag, baseline, validate,
	 * clear-checksums or release-locks.
	 */
	private @Nullable String command;

	/**
	 * Target of the command: head, base, +N, -N, a tag name or date:<ISO-8601>; the tag
	 * name for the tag command.
	 */
	private @Nullable String target;

	/**
	 * Output format of the command.
	 */
	private Output output = Output.TEXT;

	// ---- end of modes and commands

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public @Nullable String getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable String command) {
		this.command = command;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	/**
	 * What happens to the database on boot.
	 */
	public enum Mode {

		/**
		 * Apply pending changesets.
		 */
		MIGRATE,

		/**
		 * Apply nothing; fail the start if changesets are pending or unexpected or
		 * checksums do not match.
		 */
		VALIDATE,

		/**
		 * Do nothing; commands still work.
		 */
		OFF

	}

	/**
	 * Output format of a command.
	 */
	public enum Output {

		/**
		 * Human-readable text.
		 */
		TEXT,

		/**
		 * One JSON document.
		 */
		JSON

	}

}
