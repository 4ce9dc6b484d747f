package io.bootmigrations.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.bootmigrations.lock.LockStrategy;

/**
 * Settings of Boot Migrations. Liquibase's own settings are read from Boot's
 * {@code spring.liquibase.*} keys; only what is new lives here.
 * <p>
 * Validates itself: Spring Boot applies a {@link Validator} that the properties object
 * implements when it binds it, so invalid values stop startup naming the property.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties implements Validator {

	/**
	 * Whether Boot Migrations is enabled. When disabled, Spring Boot's own Liquibase
	 * support applies as if the starter were absent.
	 */
	private boolean enabled = true;

	private final Lock lock = new Lock();

	private final Startup startup = new Startup();

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

	private final FastPath fastPath = new FastPath();

	// ---- developer's loop (issue #12): revision, show, history --verbose, out-of-order

	/**
	 * What boot does when pending changesets sit before applied ones in the changelog
	 * (two branches merged): log a warning, fail before applying anything, or allow.
	 */
	private OutOfOrder outOfOrder = OutOfOrder.WARN;

	/**
	 * Message of the revision command, which becomes the changeset's comment and part of
	 * its id and file name.
	 */
	private @Nullable String message;

	/**
	 * Whether the history command shows deployment id, exec type, contexts, labels and
	 * checksum.
	 */
	private boolean verbose;

	private final Revision revision = new Revision();

	public OutOfOrder getOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(OutOfOrder outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public @Nullable String getMessage() {
		return this.message;
	}

	public void setMessage(@Nullable String message) {
		this.message = message;
	}

	public boolean isVerbose() {
		return this.verbose;
	}

	public void setVerbose(boolean verbose) {
		this.verbose = verbose;
	}

	public Revision getRevision() {
		return this.revision;
	}

	/**
	 * Where the revision command writes.
	 */
	public static class Revision {

		/**
		 * Directory the revision command writes the new changelog file into. Defaults to
		 * the folder of the master changelog under src/main/resources.
		 */
		private @Nullable String directory;

		/**
		 * Author of the changesets the revision command writes. Defaults to the OS user.
		 */
		private @Nullable String author;

		public @Nullable String getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable String directory) {
			this.directory = directory;
		}

		public @Nullable String getAuthor() {
			return this.author;
		}

		public void setAuthor(@Nullable String author) {
			this.author = author;
		}

	}

	/**
	 * What boot does with out-of-order changesets.
	 */
	public enum OutOfOrder {

		/** Log a warning naming them, then apply them. */
		WARN,

		/** Fail the startup naming them, before anything is applied. */
		FAIL,

		/** Apply them without a word. */
		ALLOW

	}

	// ---- end of developer's loop

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Lock getLock() {
		return this.lock;
	}

	public Startup getStartup() {
		return this.startup;
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

	public FastPath getFastPath() {
		return this.fastPath;
	}

	@Override
	public boolean supports(Class<?> type) {
		return MigrationsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		MigrationsProperties properties = (MigrationsProperties) target;
		Duration waitTimeout = properties.getLock().getWaitTimeout();
		if (waitTimeout == null || waitTimeout.isNegative() || waitTimeout.isZero()) {
			errors.rejectValue("lock.waitTimeout", "migrations.lock.wait-timeout.positive",
					"migrations.lock.wait-timeout must be a positive duration such as 5m or 90s (how long a replica "
							+ "waits while another one migrates), but was " + waitTimeout);
		}
		Duration waitForDatabase = properties.getStartup().getWaitForDatabase();
		if (waitForDatabase == null || waitForDatabase.isNegative()) {
			errors.rejectValue("startup.waitForDatabase", "migrations.startup.wait-for-database.not-negative",
					"migrations.startup.wait-for-database must be a duration such as 60s, or 0 to fail at once "
							+ "when the database cannot be reached, but was " + waitForDatabase);
		}
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
	 * Locking across replicas.
	 */
	public static class Lock {

		/**
		 * How migrations of several processes are serialized: 'auto' uses the database's
		 * own lock where there is one (PostgreSQL advisory lock, MariaDB/MySQL GET_LOCK)
		 * and Liquibase's lock table elsewhere, 'advisory' requires the database's own
		 * lock, 'liquibase' always uses Liquibase's lock table.
		 */
		private LockStrategy strategy = LockStrategy.AUTO;

		/**
		 * How long a process waits while another one holds the migration lock before its
		 * startup fails.
		 */
		private Duration waitTimeout = Duration.ofMinutes(5);

		public LockStrategy getStrategy() {
			return this.strategy;
		}

		public void setStrategy(LockStrategy strategy) {
			this.strategy = strategy;
		}

		public Duration getWaitTimeout() {
			return this.waitTimeout;
		}

		public void setWaitTimeout(Duration waitTimeout) {
			this.waitTimeout = waitTimeout;
		}

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
	 * Behaviour while the application starts.
	 */
	public static class Startup {

		/**
		 * How long to keep retrying when the database cannot be reached at startup,
		 * before startup fails. 0 fails at once.
		 */
		private Duration waitForDatabase = Duration.ofSeconds(60);

		public Duration getWaitForDatabase() {
			return this.waitForDatabase;
		}

		public void setWaitForDatabase(Duration waitForDatabase) {
			this.waitForDatabase = waitForDatabase;
		}

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
