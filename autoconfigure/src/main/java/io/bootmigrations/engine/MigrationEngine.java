package io.bootmigrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.DefaultChangeExecListener;
import liquibase.changelog.visitor.ListVisitor;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.IntegrationDetails;
import liquibase.logging.LogService;
import liquibase.resource.ResourceAccessor;
import liquibase.structure.core.Catalog;
import liquibase.structure.core.Schema;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.MigrationStatus.DatabaseInfo;
import io.bootmigrations.engine.MigrationStatus.Progress;
import io.bootmigrations.engine.RunReport.Outcome;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;
import io.bootmigrations.engine.fastpath.ChangeLogPreconditions;
import io.bootmigrations.engine.fastpath.FastPath;
import io.bootmigrations.lock.SessionLockService;

/**
 * The one migration engine: runs Liquibase against one database under a lock and keeps
 * an immutable {@link MigrationStatus} snapshot that readers can take at no cost. Boot,
 * the actuator endpoint and the command runner all go through it, so locking, status and
 * error reporting exist once.
 * <p>
 * Runs are serialized within the process. Every run opens a connection of its own, reads
 * the database's state after taking the lock (never before), and builds a fresh Liquibase
 * {@link Database}, so no cached history from an earlier run can mislead it.
 */
public final class MigrationEngine {

	private static final Log logger = LogFactory.getLog(MigrationEngine.class);

	private static final String DEFAULT_CHANGELOG_TABLE = "DATABASECHANGELOG";

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final ResourceAccessor resourceAccessor;

	private final List<MigrationListener> listeners;

	private final List<RunInterceptor> interceptors;

	private final ReentrantLock runLock = new ReentrantLock();

	private final Safeguards safeguards;

	private final SessionGuard guard;

	private volatile MigrationStatus status;

	private volatile @Nullable ChangeLogModel changeLogModel;

	private volatile @Nullable String historyTable;

	private volatile List<String> maskedParameters = List.of();

	private volatile boolean stopRequested;

	private volatile boolean lockHeld;

	private volatile @Nullable Thread runThread;

	private final MigrationCommands commands = new MigrationCommands(this);

	private final @Nullable FastPath fastPath;

	private final IncludeTrail includeTrail;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	/**
	 * Create an engine.
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param listeners callbacks for progress and metrics
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners) {
		this(dataSource, settings, resourceAccessor, listeners, Safeguards.defaults(), null);
	}

	/**
	 * Create an engine.
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param listeners callbacks for progress and metrics
	 * @param safeguards how runs are locked across processes and wait for the database
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, Safeguards safeguards) {
		this(dataSource, settings, resourceAccessor, listeners, safeguards, null);
	}

	/**
	 * Create an engine with the default safeguards.
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param listeners callbacks for progress and metrics
	 * @param fastPath the fast path that lets {@link #migrate()} skip Liquibase when nothing
	 * changed since the last run that left nothing to do, or {@code null} to always run
	 * Liquibase
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, @Nullable FastPath fastPath) {
		this(dataSource, settings, resourceAccessor, listeners, Safeguards.defaults(), fastPath);
	}

	/**
	 * Create an engine.
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param listeners callbacks for progress and metrics
	 * @param safeguards how runs are locked across processes and wait for the database
	 * @param fastPath the fast path that lets {@link #migrate()} skip Liquibase when nothing
	 * changed since the last run that left nothing to do, or {@code null} to always run
	 * Liquibase
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, Safeguards safeguards, @Nullable FastPath fastPath) {
		this(dataSource, settings, resourceAccessor, listeners, safeguards, fastPath, List.of());
	}

	/**
	 * Create an engine.
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param listeners callbacks for progress and metrics
	 * @param safeguards how runs are locked across processes and wait for the database
	 * @param fastPath the fast path, or {@code null} to always run Liquibase
	 * @param interceptors what wraps the Liquibase work of every writing run, the first
	 * outermost
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, Safeguards safeguards, @Nullable FastPath fastPath,
			List<RunInterceptor> interceptors) {
		this.interceptors = List.copyOf(interceptors);
		this.dataSource = dataSource;
		this.settings = settings;
		this.fastPath = fastPath;
		this.includeTrail = new IncludeTrail(
				(fastPath != null) ? fastPath.attach(resourceAccessor) : resourceAccessor);
		this.resourceAccessor = this.includeTrail;
		this.listeners = List.copyOf(listeners);
		this.status = MigrationStatus.initial(settings.changeLog());
		this.safeguards = safeguards;
		this.guard = new SessionGuard(safeguards, settings, (lock) -> publish(this.status.withLock(lock)));
	}

	/**
	 * The settings this engine runs with.
	 * @return the settings
	 */
	public MigrationSettings settings() {
		return this.settings;
	}

	/**
	 * How this engine locks runs and waits for the database.
	 * @return the safeguards
	 */
	public Safeguards safeguards() {
		return this.safeguards;
	}

	/**
	 * The data source this engine migrates.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The current status snapshot. Never touches the database.
	 * @return the status
	 */
	public MigrationStatus status() {
		return this.status;
	}

	/**
	 * Apply every pending changeset (up to {@code tag}, if the settings name one).
	 * @return what the run did
	 * @throws MigrationException if the migration failed; the status then says why
	 */
	public RunReport migrate() {
		RunReport unchanged = skipIfUnchanged();
		return (unchanged != null) ? unchanged : run("update", this::update, true);
	}

	// Fast path (#6): skip Liquibase when nothing changed since the last run that left
	// nothing to do; the fingerprint logic lives in io.bootmigrations.engine.fastpath

	private @Nullable RunReport skipIfUnchanged() {
		FastPath fastPath = this.fastPath;
		if (fastPath == null || !fastPath.isApplicable()) {
			return null;
		}
		this.runLock.lock();
		try {
			Instant startedAt = Instant.now();
			RunReport report;
			try (Connection connection = this.dataSource.getConnection()) {
				ChangeLogHistory history = fastPath.check(connection);
				if (history == null) {
					return null;
				}
				report = new RunReport("update", startedAt, Instant.now(), 0, Outcome.SUCCEEDED, null);
				String schema = (this.settings.defaultSchema() != null) ? this.settings.defaultSchema()
						: connection.getSchema();
				var metaData = connection.getMetaData();
				DatabaseInfo database = new DatabaseInfo(metaData.getDatabaseProductName(),
						metaData.getDatabaseProductVersion(), JdbcUrls.sanitize(metaData.getURL()),
						metaData.getUserName(), schema);
				publish(new MigrationStatus(MigrationState.UP_TO_DATE, this.settings.changeLog(), database,
						history.applied(), List.of(), List.of(), report, this.status.lock(), null, Instant.now()));
			}
			catch (SQLException ex) {
				logger.debug("Migrations fast path unavailable, running Liquibase", ex);
				return null;
			}
			this.listeners.forEach((listener) -> listener.runStarted("update", 0));
			logger.info("Migrations: database up to date (" + this.status.applied().size()
					+ " applied) - nothing changed since the last run, Liquibase skipped");
			this.listeners.forEach((listener) -> listener.runFinished(report, this.status));
			return report;
		}
		finally {
			this.runLock.unlock();
		}
	}

	private void recordFingerprint(Session session, DatabaseChangeLog changeLog) {
		FastPath fastPath = this.fastPath;
		if (fastPath == null || !fastPath.isApplicable()) {
			return;
		}
		try {
			ChangeLogHistory history = fastPath.readHistory(session.connection);
			session.resetHistory();
			boolean upToDate = unrun(session, changeLog).isEmpty()
					&& session.model().unexpected(history.applied()).isEmpty()
					&& !ChangeLogPreconditions.present(changeLog);
			fastPath.record(session.connection, history, upToDate);
		}
		catch (Exception ex) {
			logger.info("Migrations fast path: could not record the fingerprint, the next boot runs Liquibase ("
					+ ex.getMessage() + ")");
			try {
				if (!session.connection.getAutoCommit()) {
					session.connection.rollback();
				}
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
		}
	}

	// End of the fast path (#6)

	/**
	 * Read the database's applied changesets again and recompute the status, without
	 * parsing the changelog if it was parsed before and without taking the lock.
	 * @return the new status
	 */
	public MigrationStatus refresh() {
		this.runLock.lock();
		try {
			inSession((session) -> {
				ChangeLogModel model = this.changeLogModel;
				if (model == null) {
					model = session.model();
				}
				List<ChangeSetInfo> applied = readApplied(session.connection);
				MigrationState state = (this.status.state() == MigrationState.FAILED) ? MigrationState.FAILED
						: stateFor(model.pending(applied));
				publish(snapshot(state, session, model, applied, this.status.lastRun()));
				return null;
			});
			return this.status;
		}
		finally {
			this.runLock.unlock();
		}
	}

	// ---- Operator commands (issue #5): each runs under the lock and updates the status,
	// or, for the *Sql and read commands, only inspects. The work is in MigrationCommands.

	/**
	 * Apply changesets up to a target: {@link MigrationTarget#HEAD}, a tag of the
	 * changelog, or the next N changesets.
	 * @param target where to go
	 * @return what the run did ({@link RunReport#applied()} changesets applied)
	 * @throws MigrationException if the target is unknown or the migration failed
	 */
	public RunReport upgrade(MigrationTarget target) {
		return this.commands.upgrade(target);
	}

	/**
	 * Roll changesets back to a target: the last N, a tag recorded in the database, a
	 * date, or {@link MigrationTarget#BASE}. Every changeset in range is checked for a
	 * possible rollback before anything is rolled back.
	 * @param target where to go
	 * @return what the run did ({@link RunReport#applied()} changesets rolled back)
	 * @throws MigrationException if the target is unknown, a changeset in range cannot
	 * be rolled back (nothing is then changed), or the rollback failed
	 */
	public RunReport downgrade(MigrationTarget target) {
		return this.commands.downgrade(target);
	}

	/**
	 * The SQL {@link #upgrade(MigrationTarget)} would run, without running it.
	 * @param target where an upgrade would go
	 * @return the SQL script
	 */
	public String upgradeSql(MigrationTarget target) {
		return this.commands.upgradeSql(target);
	}

	/**
	 * The SQL {@link #downgrade(MigrationTarget)} would run, without running it.
	 * @param target where a downgrade would go
	 * @return the SQL script
	 */
	public String downgradeSql(MigrationTarget target) {
		return this.commands.downgradeSql(target);
	}

	/**
	 * Tag the current state of the database (the last applied changeset).
	 * @param tag the tag name
	 * @return what the run did
	 */
	public RunReport tag(String tag) {
		return this.commands.tag(MigrationTarget.checkTag(tag));
	}

	/**
	 * Record changesets as applied without running them, for an existing database that
	 * joins migrations: all ({@link MigrationTarget#HEAD}) or up to a tag of the
	 * changelog.
	 * @param target head or a tag
	 * @return what the run did ({@link RunReport#applied()} changesets recorded)
	 */
	public RunReport baseline(MigrationTarget target) {
		return this.commands.baseline(target);
	}

	/**
	 * Validate the changelog and the stored checksums and compare the changelog with the
	 * database. Applies nothing.
	 * @return pending and unexpected changesets and checksum mismatches
	 * @throws MigrationException if the changelog itself is invalid
	 */
	public ValidationResult validate() {
		return this.commands.validate();
	}

	/**
	 * Clear the stored checksums; they are recomputed on the next run. A repair tool.
	 * @return what the run did
	 */
	public RunReport clearChecksums() {
		return this.commands.clearChecksums();
	}

	/**
	 * Release Liquibase's lock in {@code DATABASECHANGELOGLOCK}, whoever holds it. A
	 * repair tool for a lock left by a killed process.
	 * @return what the run did
	 */
	public RunReport releaseLocks() {
		return this.commands.releaseLocks();
	}

	/**
	 * The changesets recorded as applied, newest first, read from the database now.
	 * @return the history
	 */
	public List<ChangeSetInfo> history() {
		List<ChangeSetInfo> applied = new ArrayList<>(refresh().applied());
		java.util.Collections.reverse(applied);
		return applied;
	}

	/**
	 * Inspect the parsed changelog and the database without the migration lock and
	 * without changing the status.
	 * @param <T> the result
	 * @param pendingOnly whether to pass only the changesets not applied yet, or every
	 * changeset that matches the contexts, labels and database
	 * @param inspection the work
	 * @return its result
	 * @throws MigrationException if the changelog or the database cannot be read
	 */
	public <T> T inspectChangeLog(boolean pendingOnly, ChangeLogInspection<T> inspection) {
		return inspect((session) -> {
			DatabaseChangeLog changeLog = session.changeLog();
			List<ChangeSet> changeSets;
			if (pendingOnly) {
				changeSets = unrun(session, changeLog);
			}
			else {
				ListVisitor visitor = new ListVisitor();
				new ChangeLogIterator(changeLog, new ContextChangeSetFilter(session.contexts),
						new LabelChangeSetFilter(session.labels), new DbmsChangeSetFilter(session.database),
						new IgnoreChangeSetFilter())
					.run(visitor, new liquibase.RuntimeEnvironment(session.database, session.contexts, session.labels));
				changeSets = visitor.getSeenChangeSets();
			}
			return inspection.inspect(session.connection, session.database, changeSets);
		});
	}

	/**
	 * Read the database through Liquibase without the lock and without changing the
	 * status: for commands that only look ({@code show}, {@code history --verbose}).
	 * @param <T> the result type
	 * @param reader what to read
	 * @return what the reader returned
	 */
	public <T> T read(LiquibaseReader<T> reader) {
		return inspect((session) -> reader.read(session.database(), session::changeLog));
	}

	/**
	 * Reads through Liquibase; the changelog is parsed only if asked for.
	 *
	 * @param <T> the result type
	 */
	@FunctionalInterface
	public interface LiquibaseReader<T> {

		/**
		 * Read.
		 * @param database Liquibase's view of the database, with the configured schemas
		 * and tables
		 * @param changeLog parses the changelog when called
		 * @return the result
		 * @throws Exception if reading fails
		 */
		T read(Database database, java.util.concurrent.Callable<DatabaseChangeLog> changeLog) throws Exception;

	}

	// ---- end of operator commands

	private int update(Session session, ProgressTracker tracker) throws Exception {
		if (this.fastPath != null) {
			this.fastPath.startRecording();
		}
		Liquibase liquibase = session.liquibase();
		if (this.settings.dropFirst()) {
			liquibase.dropAll();
		}
		SpringLiquibaseOptions.writeRollbackFile(liquibase, this.settings, session.contexts, session.labels);
		if (this.settings.clearChecksums()) {
			liquibase.clearCheckSums();
		}
		DatabaseChangeLog changeLog = session.changeLog();
		List<ChangeSet> toRun = unrun(session, changeLog);
		HistoryColumns.check(session.database, toRun);
		List<ChangeSetInfo> outOfOrder = session.model().outOfOrder(readApplied(session.connection));
		if (!outOfOrder.isEmpty()) {
			// a listener may refuse the run (migrations.out-of-order=fail) before anything is applied
			this.listeners.forEach((listener) -> listener.outOfOrder(outOfOrder));
		}
		tracker.start(toRun.size());
		if (this.settings.testRollbackOnUpdate()) {
			if (this.settings.tag() != null) {
				liquibase.updateTestingRollback(this.settings.tag(), session.contexts, session.labels);
			}
			else {
				liquibase.updateTestingRollback(session.contexts, session.labels);
			}
		}
		else {
			liquibase.update(this.settings.tag(), session.contexts, session.labels);
		}
		recordFingerprint(session, changeLog);
		return tracker.applied();
	}

	private List<ChangeSet> unrun(Session session, DatabaseChangeLog changeLog) throws Exception {
		ListVisitor visitor = new ListVisitor();
		new ChangeLogIterator(changeLog, new ShouldRunChangeSetFilter(session.database),
				new ContextChangeSetFilter(session.contexts), new LabelChangeSetFilter(session.labels),
				new DbmsChangeSetFilter(session.database), new IgnoreChangeSetFilter())
			.run(visitor, new liquibase.RuntimeEnvironment(session.database, session.contexts, session.labels));
		// Liquibase re-reads the history under its own lock; never let it reuse this read.
		session.resetHistory();
		return visitor.getSeenChangeSets();
	}

	RunReport run(String operation, Operation operationBody) {
		return run(operation, operationBody, false);
	}

	/**
	 * Run a writing operation under the lock; {@code retryable} tells the
	 * {@link RunInterceptor interceptors} whether running the body again after a failure
	 * resumes it safely.
	 */
	RunReport run(String operation, Operation operationBody, boolean retryable) {
		this.runLock.lock();
		Instant startedAt = Instant.now();
		ProgressTracker tracker = new ProgressTracker(operation);
		// an operator operation (endpoint, command) that fails keeps a state that was known and
		// good; a failure on boot (also through a MigrationStrategy) is FAILED
		MigrationStatus previous = this.status;
		RunReport previousRun = previous.lastRun();
		boolean keepState = !"update".equals(operation) && previous.checkedAt() != null
				&& (previous.state() == MigrationState.UP_TO_DATE || (previous.state() == MigrationState.PENDING
						&& previousRun != null && previousRun.outcome() == Outcome.SUCCEEDED));
		this.runThread = Thread.currentThread();
		try {
			if (this.stopRequested) {
				throw stopped(null);
			}
			publish(this.status.withState(MigrationState.MIGRATING).withProgress(new Progress(0, 0, null)));
			RunReport report = inSession((session) -> {
				int applied = intercepted(operation, retryable, session, tracker, operationBody);
				session.flush();
				ChangeLogModel model = session.model();
				List<ChangeSetInfo> appliedChangeSets = readApplied(session.connection);
				RunReport success = new RunReport(operation, startedAt, Instant.now(), applied, Outcome.SUCCEEDED,
						null, tracker.markedRan());
				publish(snapshot(stateFor(model.pending(appliedChangeSets)), session, model, appliedChangeSets,
						success));
				return success;
			}, tracker, true);
			logSummary(report);
			this.listeners.forEach((listener) -> listener.runFinished(report, this.status));
			return report;
		}
		catch (MigrationException ex) {
			RunReport failed = new RunReport(operation, startedAt, Instant.now(), tracker.applied(), Outcome.FAILED,
					ex.getFailure());
			MigrationState after = keepState ? previous.state() : MigrationState.FAILED;
			publish(readBackAfterFailure(this.status.withState(after).withProgress(null).withLastRun(failed)));
			this.listeners.forEach((listener) -> listener.runFinished(failed, this.status));
			throw ex;
		}
		finally {
			this.runThread = null;
			this.runLock.unlock();
		}
	}

	private int intercepted(String operation, boolean retryable, Session session, ProgressTracker tracker,
			Operation operationBody) throws Exception {
		DefaultChangeExecListener listeners = new DefaultChangeExecListener(tracker);
		session.liquibase().setChangeExecListener(listeners);
		RunContext context = new RunContext(operation, retryable, session.connection, session.database,
				() -> unrun(session, session.changeLog()), listeners);
		RunInterceptor.Work work = () -> {
			// a retry must read the history again: the failed attempt's read is stale
			session.resetHistory();
			return operationBody.run(session, tracker);
		};
		for (int i = this.interceptors.size() - 1; i >= 0; i--) {
			RunInterceptor interceptor = this.interceptors.get(i);
			RunInterceptor.Work inner = work;
			work = () -> interceptor.intercept(context, inner);
		}
		return work.run();
	}

	private void logSummary(RunReport report) {
		MigrationStatus current = this.status;
		if (report.applied() == 0) {
			logger.info("Migrations: database up to date (" + current.applied().size() + " applied"
					+ (current.pending().isEmpty() ? "" : "; " + current.pending().size() + " pending") + ")");
			return;
		}
		ChangeSetInfo last = current.lastApplied();
		logger.info("Migrations: applied " + report.applied() + " changeset" + ((report.applied() == 1) ? "" : "s")
				+ " in " + report.duration().toMillis() + " ms; " + current.pending().size() + " pending"
				+ ((last != null) ? "; last " + last.id() + " (" + last.file() + ")" : ""));
	}

	/**
	 * A failed run may have applied changesets before the one that failed: read what the
	 * database now records so that the status shows it, before the failure is published.
	 * Best effort, without the lock and without waiting; a {@code FAILED} state stays.
	 */
	private MigrationStatus readBackAfterFailure(MigrationStatus failed) {
		if (this.stopRequested) {
			return failed;
		}
		try {
			return inSession((session) -> {
				ChangeLogModel model = this.changeLogModel;
				if (model == null) {
					model = session.model();
				}
				List<ChangeSetInfo> applied = readApplied(session.connection);
				MigrationState state = (failed.state() == MigrationState.FAILED) ? MigrationState.FAILED
						: stateFor(model.pending(applied));
				return snapshot(state, session, model, applied, failed.lastRun());
			});
		}
		catch (MigrationException ex) {
			logger.debug("Migrations: could not read the database after the failure: " + ex.getFailure().message());
			return failed;
		}
	}

	private MigrationState stateFor(List<ChangeSetInfo> pending) {
		return pending.isEmpty() ? MigrationState.UP_TO_DATE : MigrationState.PENDING;
	}

	private MigrationStatus snapshot(MigrationState state, Session session, ChangeLogModel model,
			List<ChangeSetInfo> applied, @Nullable RunReport lastRun) throws SQLException {
		return new MigrationStatus(state, this.settings.changeLog(), session.databaseInfo(), applied,
				model.pending(applied), model.unexpected(applied), lastRun, this.status.lock(), null, Instant.now(),
				model.outOfOrder(applied), InvalidIndexes.warnings(session.connection));
	}

	private void publish(MigrationStatus status) {
		this.status = status;
	}

	List<ChangeSetInfo> readApplied(Connection connection) throws SQLException {
		String table = this.historyTable;
		if (table == null || !tableExists(connection)) {
			return List.of();
		}
		String sql = "SELECT ID, AUTHOR, FILENAME, DESCRIPTION, DATEEXECUTED, TAG FROM " + table
				+ " ORDER BY ORDEREXECUTED, DATEEXECUTED";
		List<ChangeSetInfo> applied = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				Timestamp executed = rows.getTimestamp(5);
				applied.add(new ChangeSetInfo(rows.getString(1), rows.getString(2), rows.getString(3),
						rows.getString(4), (executed != null) ? executed.toInstant() : null, rows.getString(6)));
			}
		}
		return applied;
	}

	private boolean tableExists(Connection connection) throws SQLException {
		String name = (this.settings.changeLogTable() != null) ? this.settings.changeLogTable()
				: DEFAULT_CHANGELOG_TABLE;
		String schema = (this.settings.liquibaseSchema() != null) ? this.settings.liquibaseSchema()
				: this.settings.defaultSchema();
		var metaData = connection.getMetaData();
		for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT),
				name.toUpperCase(java.util.Locale.ROOT))) {
			String schemaPattern = (schema != null) ? schema : connection.getSchema();
			try (ResultSet tables = metaData.getTables(connection.getCatalog(), schemaPattern, candidate, null)) {
				if (tables.next()) {
					return true;
				}
			}
			if (schema == null) {
				try (ResultSet tables = metaData.getTables(null, null, candidate, null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	private <T> T inSession(SessionWork<T> work) {
		return inSession(work, null, false);
	}

	/**
	 * Name more changelog parameters whose values SQL previews mask, beyond those whose
	 * names look secret (password, secret, token, key, credential).
	 * @param names parameter names, matched ignoring case
	 */
	public void setMaskedParameters(Collection<String> names) {
		this.maskedParameters = names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
	}

	/**
	 * Generate SQL that an operation would run, without running it: at once or not at all
	 * (never behind a run of this process), without Liquibase's own lock (so that none of
	 * its lock-table SQL is printed), and with secret-looking changelog parameter values
	 * masked.
	 */
	String preview(SessionWork<String> work) {
		if (!this.runLock.tryLock()) {
			throw new MigrationException(new MigrationFailure(Kind.BUSY, null, this.settings.changeLog(),
					"A migration is running in this process; the preview would wait for it",
					"Ask again when the migration is done (state is no longer MIGRATING)."), null);
		}
		try {
			String sql = inSession((session) -> Scope.child(Map.of(SessionLockService.HELD_CONNECTION,
					session.connection), () -> work.run(session)));
			return SecretParameters.mask(sql, this.settings.parameters(), this.maskedParameters);
		}
		finally {
			this.runLock.unlock();
		}
	}

	/**
	 * Work on the database under the in-process run lock without changing the status:
	 * for reads and for SQL that is generated but not run.
	 */
	<T> T inspect(SessionWork<T> work) {
		this.runLock.lock();
		try {
			return inSession(work);
		}
		finally {
			this.runLock.unlock();
		}
	}

	/**
	 * Run {@code work} in a session of its own. A writing session waits for the database,
	 * then holds the migration lock on its connection from before the first read of the
	 * changelog table until after the last write.
	 */
	private <T> T inSession(SessionWork<T> work, @Nullable ProgressTracker tracker, boolean writing) {
		Map<String, Object> scope = new HashMap<>();
		scope.put(Scope.Attr.ui.name(), SpringLiquibaseOptions.uiService(this.settings));
		// one report per failure (Liquibase's own ERROR for a failing changeset goes to
		// DEBUG) and each warning once per engine, however often the changelog is parsed
		scope.put(Scope.Attr.logService.name(), new OneReportLogService(
				Scope.getCurrentScope().get(Scope.Attr.logService, LogService.class), this.warned));
		scope.put(Scope.Attr.integrationDetails.name(), new IntegrationDetails("spring"));
		// files a changeset reads lazily (sqlFile, checksums outside Liquibase's own commands)
		scope.put(Scope.Attr.resourceAccessor.name(), this.resourceAccessor);
		scope.put(AnalyticsArgs.ENABLED.getKey(), this.settings.analyticsEnabled());
		if (this.settings.licenseKey() != null) {
			scope.put("liquibase.licenseKey", this.settings.licenseKey());
		}
		this.includeTrail.clear();
		try {
			return Scope.child(scope, () -> {
				if (writing) {
					return inLockedSession(work);
				}
				try (Connection connection = this.dataSource.getConnection()) {
					try (Session session = new Session(connection)) {
						return work.run(session);
					}
				}
			});
		}
		catch (StackOverflowError ex) {
			ChangeSet failed = (tracker != null) ? tracker.failedChangeSet : null;
			throw Failures.stackOverflow(ex, failed, this.settings.changeLog(), this.includeTrail.circle());
		}
		catch (Exception | Error ex) {
			if (this.stopRequested && writing && !(ex instanceof MigrationException)) {
				throw stopped(tracker);
			}
			// every Throwable ends in one report and a FAILED state, never in MIGRATING
			ChangeSet failed = (tracker != null) ? tracker.failedOrRunning() : null;
			if (writing && !(ex instanceof MigrationException)) {
				MigrationFailure lost = Failures.connectionLost(ex, failed, this.settings.changeLog(),
						tracker != null && tracker.transactionalDdl);
				if (lost != null) {
					throw new MigrationException(lost, ex);
				}
			}
			throw Failures.toException(ex, failed, this.settings.changeLog());
		}
	}

	private <T> T inLockedSession(SessionWork<T> work) throws Exception {
		try (Connection connection = this.guard.connect(this.dataSource)) {
			SessionTimeouts.Restore timeouts = this.safeguards.session().apply(connection);
			try {
				return this.guard.underLock(connection, () -> {
					this.lockHeld = true;
					try (Session session = new Session(connection)) {
						return work.run(session);
					}
					finally {
						this.lockHeld = false;
					}
				});
			}
			finally {
				timeouts.restore();
			}
		}
	}

	// ---- Stopping on shutdown (SIGTERM): a run waiting for the lock or the database stops
	// waiting at once; a run holding the lock finishes the current changeset and stops
	// before the next one.

	/**
	 * Ask the run under way, if any, to stop: one that waits for the lock or the database
	 * stops waiting; one that migrates finishes (and commits) the current changeset and
	 * stops before the next, then releases the lock. The run then fails with a report of
	 * how far it got. Later runs are refused.
	 */
	public void requestStop() {
		this.stopRequested = true;
		Thread thread = this.runThread;
		if (thread != null && !this.lockHeld) {
			thread.interrupt();
		}
	}

	/**
	 * Wait until no run is under way.
	 * @param timeout the longest to wait
	 * @return whether no run is under way
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitNoRun(Duration timeout) throws InterruptedException {
		if (this.runLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.runLock.unlock();
			return true;
		}
		return false;
	}

	private MigrationException stopped(@Nullable ProgressTracker tracker) {
		Thread.interrupted();
		String message;
		if (tracker == null || !tracker.started()) {
			message = "Stopped by shutdown before migrating (while waiting for the database or the migration lock)";
		}
		else {
			ChangeSetInfo next = tracker.stoppedBefore;
			message = "Stopped by shutdown after " + tracker.applied() + " of " + tracker.total + " changesets"
					+ ((next != null) ? "; next pending: " + next.identifier() : "");
		}
		return new MigrationException(new MigrationFailure(Kind.STOPPED, null, this.settings.changeLog(), message,
				"The application is shutting down. Every changeset applied so far is committed with its record "
						+ "and the lock is released; the next start continues from here."),
				null);
	}

	/**
	 * One connection, one Liquibase {@link Database}, one parse of the changelog.
	 */
	final class Session implements AutoCloseable {

		private final Connection connection;

		private final Database database;

		private final Contexts contexts;

		private final LabelExpression labels;

		private @Nullable Liquibase liquibase;

		private @Nullable DatabaseInfo databaseInfo;

		private @Nullable ChangeLogModel model;

		Session(Connection connection) throws Exception {
			this.connection = connection;
			this.database = createDatabase(connection);
			this.contexts = new Contexts(MigrationEngine.this.settings.contexts());
			this.labels = new LabelExpression(MigrationEngine.this.settings.labelFilter());
			MigrationEngine.this.historyTable = this.database.escapeTableName(
					this.database.getLiquibaseCatalogName(), this.database.getLiquibaseSchemaName(),
					this.database.getDatabaseChangeLogTableName());
		}

		Connection connection() {
			return this.connection;
		}

		Database database() {
			return this.database;
		}

		Contexts contexts() {
			return this.contexts;
		}

		LabelExpression labels() {
			return this.labels;
		}

		Liquibase liquibase() {
			if (this.liquibase == null) {
				MigrationSettings settings = MigrationEngine.this.settings;
				Liquibase created = new Liquibase(settings.changeLog(), MigrationEngine.this.resourceAccessor,
						this.database);
				settings.parameters().forEach(created::setChangeLogParameter);
				// before anything parses: context- and label-scoped <property> values resolve
				// against these (as with Boot's SpringLiquibase), not to the first definition
				created.getChangeLogParameters().setContexts(this.contexts);
				created.getChangeLogParameters().setLabels(this.labels);
				SpringLiquibaseOptions.configure(created, settings);
				this.liquibase = created;
			}
			return this.liquibase;
		}

		DatabaseChangeLog changeLog() throws Exception {
			return liquibase().getDatabaseChangeLog();
		}

		ChangeLogModel model() throws Exception {
			// computed once per session: describing every changeset is costly for large changelogs
			ChangeLogModel model = this.model;
			if (model == null) {
				model = ChangeLogModel.of(changeLog(), this.database, this.contexts, this.labels);
				this.model = model;
				MigrationEngine.this.changeLogModel = model;
			}
			return model;
		}

		DatabaseInfo databaseInfo() throws SQLException {
			if (this.databaseInfo == null) {
				var metaData = this.connection.getMetaData();
				String schema = this.database.getDefaultSchemaName();
				this.databaseInfo = new DatabaseInfo(metaData.getDatabaseProductName(),
						metaData.getDatabaseProductVersion(), JdbcUrls.sanitize(metaData.getURL()),
						metaData.getUserName(), (schema != null) ? schema : this.connection.getSchema());
			}
			return this.databaseInfo;
		}

		/**
		 * Commit what a changeset Liquibase skipped left held back; see
		 * {@link SessionJdbcConnection}.
		 */
		void flush() throws Exception {
			if (this.database.getConnection() instanceof SessionJdbcConnection jdbc) {
				jdbc.flush();
			}
		}

		void resetHistory() {
			Scope.getCurrentScope()
				.getSingleton(ChangeLogHistoryServiceFactory.class)
				.getChangeLogService(this.database)
				.reset();
		}

		@Override
		public void close() throws Exception {
			resetHistory();
			this.database.close();
		}

	}

	private Database createDatabase(Connection connection) throws Exception {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new SessionJdbcConnection(connection));
		MigrationSettings settings = this.settings;
		if (settings.defaultSchema() != null) {
			if (database.supports(Schema.class)) {
				database.setDefaultSchemaName(settings.defaultSchema());
			}
			else if (database.supports(Catalog.class)) {
				database.setDefaultCatalogName(settings.defaultSchema());
			}
		}
		if (settings.liquibaseSchema() != null) {
			if (database.supports(Schema.class)) {
				database.setLiquibaseSchemaName(settings.liquibaseSchema());
			}
			else if (database.supports(Catalog.class)) {
				database.setLiquibaseCatalogName(settings.liquibaseSchema());
			}
		}
		if (settings.liquibaseTablespace() != null && database.supportsTablespaces()) {
			database.setLiquibaseTablespaceName(settings.liquibaseTablespace());
		}
		if (settings.changeLogTable() != null) {
			database.setDatabaseChangeLogTableName(settings.changeLogTable());
		}
		if (settings.lockTable() != null) {
			database.setDatabaseChangeLogLockTableName(settings.lockTable());
		}
		return database;
	}

	/**
	 * Follows a run changeset by changeset, for progress, metrics and failure reports.
	 */
	final class ProgressTracker extends liquibase.changelog.visitor.AbstractChangeExecListener {

		private final String operation;

		private volatile int total;

		private volatile boolean started;

		private volatile @Nullable ChangeSetInfo stoppedBefore;

		private volatile int done;

		private volatile int applied;

		private volatile int markedRan;

		private volatile @Nullable ChangeSet failedChangeSet;

		private volatile @Nullable ChangeSet running;

		private volatile boolean transactionalDdl;

		private @Nullable ChangeSet current;

		private @Nullable ChangeSetInfo currentInfo;

		ProgressTracker(String operation) {
			this.operation = operation;
		}

		void start(int total) {
			this.total = total;
			this.started = true;
			publish(MigrationEngine.this.status.withProgress(new Progress(0, total, null)));
			MigrationEngine.this.listeners.forEach((listener) -> listener.runStarted(this.operation, total));
		}

		int applied() {
			return this.applied;
		}

		int markedRan() {
			return this.markedRan;
		}

		boolean started() {
			return this.started;
		}

		/** The changeset that failed, or the one that was running when the run failed. */
		@Nullable ChangeSet failedOrRunning() {
			ChangeSet failed = this.failedChangeSet;
			return (failed != null) ? failed : this.running;
		}

		private void begin(ChangeSet changeSet, Database database) {
			stopIfRequested(changeSet);
			this.running = changeSet;
			this.transactionalDdl = database.supportsDDLInTransaction();
			SessionJdbcConnection.beginChangeSet(changeSet, database);
		}

		private void end(Database database) {
			SessionJdbcConnection.endChangeSet(database);
			this.running = null;
		}

		@Override
		public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
				ChangeSet.RunStatus runStatus) {
			begin(changeSet, database);
			publish(MigrationEngine.this.status.withProgress(new Progress(this.done, this.total, info(changeSet))));
		}

		private void stopIfRequested(ChangeSet next) {
			if (MigrationEngine.this.stopRequested) {
				this.stoppedBefore = info(next);
				throw new IllegalStateException("Stopped by shutdown before " + this.stoppedBefore.identifier());
			}
		}

		// Liquibase computes a changeset's description anew on every call; describe it once
		private ChangeSetInfo info(ChangeSet changeSet) {
			ChangeSetInfo info = this.currentInfo;
			if (this.current != changeSet || info == null) {
				info = ChangeLogModel.info(changeSet);
				this.current = changeSet;
				this.currentInfo = info;
			}
			return info;
		}

		@Override
		public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
				ChangeSet.ExecType execType) {
			end(database);
			this.done++;
			if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
				this.applied++;
			}
			else if (execType == ChangeSet.ExecType.MARK_RAN) {
				this.markedRan++;
			}
			ChangeSetInfo info = info(changeSet);
			Progress progress = new Progress(this.done, Math.max(this.total, this.done), null);
			publish(MigrationEngine.this.status.withProgress(progress));
			MigrationEngine.this.listeners.forEach((listener) -> listener.changeSetApplied(info, progress));
		}

		@Override
		public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
				Exception exception) {
			SessionJdbcConnection.endChangeSet(database);
			this.failedChangeSet = changeSet;
		}

		@Override
		public void willRollback(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
			begin(changeSet, database);
		}

		@Override
		public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
			end(database);
		}

		@Override
		public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
				Exception exception) {
			SessionJdbcConnection.endChangeSet(database);
			this.failedChangeSet = changeSet;
		}

		@Override
		public void preconditionFailed(liquibase.exception.PreconditionFailedException error,
				liquibase.precondition.core.PreconditionContainer.FailOption onFail) {
			logger.debug("Precondition failed: " + error.getMessage());
		}

	}

	@FunctionalInterface
	interface SessionWork<T> {

		T run(Session session) throws Exception;

	}

	@FunctionalInterface
	interface Operation {

		int run(Session session, ProgressTracker tracker) throws Exception;

	}

}
