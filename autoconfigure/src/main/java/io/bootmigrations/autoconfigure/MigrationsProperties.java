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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.bootmigrations.lock.LockStrategy;
import io.bootmigrations.targets.TargetProperties;

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
	 * clear-checksums, release-locks, drift, verify-rollbacks or lint.
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

	private final Lint lint = new Lint();

	private final Postgresql postgresql = new Postgresql();

	private final Session session = new Session();

	private final SqlPreview sqlPreview = new SqlPreview();

	private final Drift drift = new Drift();

	private final Scratch scratch = new Scratch();

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

	/**
	 * Whether the revision command fills the new changeset with the difference between
	 * the JPA entities and the schema the changelog produces.
	 */
	private boolean autogenerate;

	private final Revision revision = new Revision();

	private final Check check = new Check();

	public Check getCheck() {
		return this.check;
	}

	// ---- several databases and tenant schemas (issue #11)

	/**
	 * How many targets (databases or tenant schemas) migrate at once.
	 */
	private int parallelism = 4;

	/**
	 * More migration targets by name, besides the application's DataSource with
	 * spring.liquibase.* (the target 'default'): the keys of spring.liquibase.* plus
	 * data-source, schemas, schemas-query and create-schemas.
	 */
	private Map<String, TargetProperties> targets = new LinkedHashMap<>();

	/**
	 * Targets a command runs on, as target or target:schema separated by commas; every
	 * target when unset.
	 */
	private @Nullable String only;

	public @Nullable String getOnly() {
		return this.only;
	}

	public void setOnly(@Nullable String only) {
		this.only = only;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public Map<String, TargetProperties> getTargets() {
		return this.targets;
	}

	public void setTargets(Map<String, TargetProperties> targets) {
		this.targets = targets;
	}

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

	public boolean isAutogenerate() {
		return this.autogenerate;
	}

	public void setAutogenerate(boolean autogenerate) {
		this.autogenerate = autogenerate;
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
	 * What the check command compares besides the database and the changelog.
	 */
	public static class Check {

		/**
		 * Whether the check command also fails when the JPA entities differ from the
		 * schema the changelog produces (when JPA is present).
		 */
		private boolean entities = true;

		public boolean isEntities() {
			return this.entities;
		}

		public void setEntities(boolean entities) {
			this.entities = entities;
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

	public Lint getLint() {
		return this.lint;
	}

	public Postgresql getPostgresql() {
		return this.postgresql;
	}

	public Drift getDrift() {
		return this.drift;
	}

	public Scratch getScratch() {
		return this.scratch;
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
		properties.getPostgresql().validate(errors);
		Duration refreshInterval = properties.getStatus().getRefreshInterval();
		if (refreshInterval != null && (refreshInterval.isNegative() || refreshInterval.isZero())) {
			errors.rejectValue("status.refreshInterval", "migrations.status.refresh-interval.positive",
					"migrations.status.refresh-interval: Must be a positive duration such as 30s or 1m (remove "
							+ "the property to never refresh), but was " + refreshInterval);
		}
		properties.getSession().validate(errors);
		if (properties.getParallelism() < 1) {
			errors.rejectValue("parallelism", "migrations.parallelism.positive",
					"migrations.parallelism must be at least 1 (how many targets migrate at once), but was "
							+ properties.getParallelism());
		}
	}

	public Session getSession() {
		return this.session;
	}

	public SqlPreview getSqlPreview() {
		return this.sqlPreview;
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
		 * How often to re-read the applied changesets from the database, so that a
		 * replica notices changes made by another deployment. Never re-read when unset.
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
		 * Whether a boot skips Liquibase when nothing that decides its outcome changed
		 * since the last run that left nothing to do (changelog files, settings,
		 * Liquibase version, DATABASECHANGELOG rows).
		 */
		private boolean enabled = true;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

	/**
	 * Zero-downtime lint of changesets.
	 */
	public static class Lint {

		/**
		 * What happens when changesets about to be applied on boot break a lint rule:
		 * nothing, a warning in the log, or a failed startup with nothing applied.
		 */
		private OnBoot onBoot = OnBoot.WARN;

		/**
		 * Rules suppressed for every changeset, each with the reason, which the report
		 * shows: migrations.lint.suppress.drop-column=reason.
		 */
		private Map<String, String> suppress = new LinkedHashMap<>();

		public OnBoot getOnBoot() {
			return this.onBoot;
		}

		public void setOnBoot(OnBoot onBoot) {
			this.onBoot = onBoot;
		}

		public Map<String, String> getSuppress() {
			return this.suppress;
		}

		public void setSuppress(Map<String, String> suppress) {
			this.suppress = suppress;
		}

		/**
		 * What the lint on boot does with findings.
		 */
		public enum OnBoot {

			/** Do not lint on boot. */
			OFF,

			/** Log the findings and migrate. */
			WARN,

			/** Fail startup on any error finding, before anything is applied. */
			FAIL

		}

	}

	/**
	 * Run-time guard rails on PostgreSQL.
	 */
	public static class Postgresql {

		/**
		 * How long each statement of a changeset waits for a table lock before it gives
		 * up (then the changeset is retried), so that the application's queries never
		 * queue behind it for longer; 0 turns the guard off.
		 */
		private Duration lockTimeout = Duration.ofSeconds(10);

		/**
		 * How many times a changeset that gave up waiting for a lock runs again, with
		 * backoff starting at one second.
		 */
		private int lockRetries = 5;

		/**
		 * How long each statement of a changeset may run; unlimited when not set.
		 */
		private @Nullable Duration statementTimeout;

		public Duration getLockTimeout() {
			return this.lockTimeout;
		}

		public void setLockTimeout(Duration lockTimeout) {
			this.lockTimeout = lockTimeout;
		}

		public int getLockRetries() {
			return this.lockRetries;
		}

		public void setLockRetries(int lockRetries) {
			this.lockRetries = lockRetries;
		}

		public @Nullable Duration getStatementTimeout() {
			return this.statementTimeout;
		}

		public void setStatementTimeout(@Nullable Duration statementTimeout) {
			this.statementTimeout = statementTimeout;
		}

		void validate(Errors errors) {
			if (this.lockTimeout == null || this.lockTimeout.isNegative()) {
				errors.rejectValue("postgresql.lockTimeout", "migrations.postgresql.lock-timeout.not-negative",
						"migrations.postgresql.lock-timeout must be a duration such as 10s, or 0 to turn the guard "
								+ "off, but was " + this.lockTimeout);
			}
			if (this.lockRetries < 0) {
				errors.rejectValue("postgresql.lockRetries", "migrations.postgresql.lock-retries.not-negative",
						"migrations.postgresql.lock-retries must be 0 or more, but was " + this.lockRetries);
			}
			if (this.statementTimeout != null
					&& (this.statementTimeout.isNegative() || this.statementTimeout.isZero())) {
				errors.rejectValue("postgresql.statementTimeout", "migrations.postgresql.statement-timeout.positive",
						"migrations.postgresql.statement-timeout must be a positive duration such as 15m, or unset for "
								+ "no limit, but was " + this.statementTimeout);
			}
		}

	}

	/**
	 * Bounds on the migration session when the network to the database goes away. On
	 * PostgreSQL the server then ends the session, which releases the lock. 0 leaves a
	 * setting as the server or driver has it.
	 */
	public static class Session {

		/**
		 * JDBC network (socket read) timeout of the migration connection. Must exceed the
		 * longest statement of any changeset; off by default.
		 */
		private Duration networkTimeout = Duration.ZERO;

		/**
		 * PostgreSQL tcp_keepalives_idle of the migration session.
		 */
		private Duration keepalivesIdle = Duration.ofSeconds(30);

		/**
		 * PostgreSQL tcp_keepalives_interval of the migration session.
		 */
		private Duration keepalivesInterval = Duration.ofSeconds(10);

		/**
		 * PostgreSQL tcp_keepalives_count of the migration session.
		 */
		private int keepalivesCount = 3;

		/**
		 * PostgreSQL tcp_user_timeout of the migration session: how long sent data may
		 * stay unacknowledged before the server drops the connection.
		 */
		private Duration tcpUserTimeout = Duration.ofSeconds(60);

		/**
		 * PostgreSQL idle_in_transaction_session_timeout of the migration session.
		 */
		private Duration idleInTransactionTimeout = Duration.ofMinutes(5);

		/**
		 * PostgreSQL idle_session_timeout of the migration session (PostgreSQL 14 and
		 * later).
		 */
		private Duration idleTimeout = Duration.ofMinutes(5);

		void validate(Errors errors) {
			for (Map.Entry<String, Duration> entry : Map
				.of("networkTimeout", this.networkTimeout, "keepalivesIdle", this.keepalivesIdle, "keepalivesInterval",
						this.keepalivesInterval, "tcpUserTimeout", this.tcpUserTimeout, "idleInTransactionTimeout",
						this.idleInTransactionTimeout, "idleTimeout", this.idleTimeout)
				.entrySet()) {
				if (entry.getValue() == null || entry.getValue().isNegative()) {
					errors.rejectValue("session." + entry.getKey(), "migrations.session.not-negative",
							"migrations.session." + entry.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)
									+ " must be a duration such as 30s, or 0 to leave the setting alone, but was "
									+ entry.getValue());
				}
			}
			if (this.keepalivesCount < 0) {
				errors.rejectValue("session.keepalivesCount", "migrations.session.not-negative",
						"migrations.session.keepalives-count must be 0 or more, but was " + this.keepalivesCount);
			}
		}

		public Duration getNetworkTimeout() {
			return this.networkTimeout;
		}

		public void setNetworkTimeout(Duration networkTimeout) {
			this.networkTimeout = networkTimeout;
		}

		public Duration getKeepalivesIdle() {
			return this.keepalivesIdle;
		}

		public void setKeepalivesIdle(Duration keepalivesIdle) {
			this.keepalivesIdle = keepalivesIdle;
		}

		public Duration getKeepalivesInterval() {
			return this.keepalivesInterval;
		}

		public void setKeepalivesInterval(Duration keepalivesInterval) {
			this.keepalivesInterval = keepalivesInterval;
		}

		public int getKeepalivesCount() {
			return this.keepalivesCount;
		}

		public void setKeepalivesCount(int keepalivesCount) {
			this.keepalivesCount = keepalivesCount;
		}

		public Duration getTcpUserTimeout() {
			return this.tcpUserTimeout;
		}

		public void setTcpUserTimeout(Duration tcpUserTimeout) {
			this.tcpUserTimeout = tcpUserTimeout;
		}

		public Duration getIdleInTransactionTimeout() {
			return this.idleInTransactionTimeout;
		}

		public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
			this.idleInTransactionTimeout = idleInTransactionTimeout;
		}

		public Duration getIdleTimeout() {
			return this.idleTimeout;
		}

		public void setIdleTimeout(Duration idleTimeout) {
			this.idleTimeout = idleTimeout;
		}

	}

	/**
	 * SQL previews ({@code /actuator/migrations/upgrade-sql}, {@code downgrade-sql} and
	 * the matching commands).
	 */
	public static class SqlPreview {

		/**
		 * Changelog parameters whose values previews mask, in addition to those whose
		 * names contain password, secret, token, key or credential.
		 */
		private List<String> maskedParameters = new ArrayList<>();

		public List<String> getMaskedParameters() {
			return this.maskedParameters;
		}

		public void setMaskedParameters(List<String> maskedParameters) {
			this.maskedParameters = maskedParameters;
		}

	}

	/**
	 * Drift detection: the live schema against the schema the applied changesets produce.
	 */
	public static class Drift {

		/**
		 * Whether to check for drift after the migration on boot: off, or warn (log each
		 * difference, never fail the start).
		 */
		private OnBoot onBoot = OnBoot.OFF;

		/**
		 * Patterns (with * and ?) of tables, views, sequences or table objects
		 * ("orders.legacy_*") that the changelog never touched, left out of the drift
		 * check.
		 */
		private List<String> exclude = new ArrayList<>();

		public OnBoot getOnBoot() {
			return this.onBoot;
		}

		public void setOnBoot(OnBoot onBoot) {
			this.onBoot = onBoot;
		}

		public List<String> getExclude() {
			return this.exclude;
		}

		public void setExclude(List<String> exclude) {
			this.exclude = exclude;
		}

		/**
		 * Whether and how drift is checked on boot.
		 */
		public enum OnBoot {

			/** No drift check on boot. */
			OFF,

			/** Log each difference after the migration; never fail the start. */
			WARN

		}

	}

	/**
	 * Scratch space: the temporary databases in which the drift check and the rollback
	 * verification replay the changelog.
	 */
	public static class Scratch {

		/**
		 * JDBC URL of a PostgreSQL database on a server where the user may create
		 * databases. The migration's own server when unset.
		 */
		private @Nullable String url;

		/**
		 * Login user of the scratch server.
		 */
		private @Nullable String username;

		/**
		 * Login password of the scratch server.
		 */
		private @Nullable String password;

		public @Nullable String getUrl() {
			return this.url;
		}

		public void setUrl(@Nullable String url) {
			this.url = url;
		}

		public @Nullable String getUsername() {
			return this.username;
		}

		public void setUsername(@Nullable String username) {
			this.username = username;
		}

		public @Nullable String getPassword() {
			return this.password;
		}

		public void setPassword(@Nullable String password) {
			this.password = password;
		}

	}

}
