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

package io.bootmigrations.engine;

import java.io.StringWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.changelog.visitor.DefaultChangeExecListener;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.MigrationStatus.DatabaseInfo;
import io.bootmigrations.engine.MigrationStatus.Progress;
import io.bootmigrations.engine.RunReport.Outcome;
import io.bootmigrations.engine.Sessions.SessionWork;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;
import io.bootmigrations.engine.fastpath.FastPath;
import io.bootmigrations.lock.SessionLockService;

/**
 * Owns every run of one engine from top to bottom: serialize it within the process, plan
 * it before the lock (to refuse early), take the lock, plan it again under the lock,
 * apply it, publish the status snapshot and tell the listeners; and the one failure path,
 * which publishes the failure and what the database records after it. Also owns the fast
 * path's skip on boot, the read-only sessions and stopping on shutdown.
 */
final class MigrationRunner {

	private static final Log logger = LogFactory.getLog(MigrationEngine.class);

	private final MigrationSettings settings;

	private final Sessions sessions;

	private final List<MigrationListener> listeners;

	private final List<RunInterceptor> interceptors;

	private final @Nullable FastPath fastPath;

	private final DataSource dataSource;

	private final ReentrantLock runLock = new ReentrantLock();

	private volatile MigrationStatus status;

	private volatile @Nullable ChangeLogModel model;

	private volatile List<String> maskedParameters = List.of();

	private volatile boolean stopRequested;

	private volatile @Nullable Thread runThread;

	MigrationRunner(DataSource dataSource, MigrationSettings settings, liquibase.resource.ResourceAccessor accessor,
			List<MigrationListener> listeners, Safeguards safeguards, @Nullable FastPath fastPath,
			List<RunInterceptor> interceptors) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.listeners = List.copyOf(listeners);
		this.interceptors = List.copyOf(interceptors);
		this.fastPath = fastPath;
		this.status = MigrationStatus.initial(settings.changeLog());
		SessionGuard guard = new SessionGuard(safeguards, settings, (lock) -> publish(this.status.withLock(lock)));
		this.sessions = new Sessions(dataSource, settings, accessor, fastPath, safeguards, guard,
				() -> this.stopRequested);
	}

	MigrationStatus status() {
		return this.status;
	}

	/**
	 * Take a status established outside the engine as the one of its boot run, if it has
	 * not run yet.
	 */
	void adopt(MigrationStatus status) {
		this.runLock.lock();
		try {
			if (this.status.lastRun() == null && this.status.state() == MigrationState.PENDING) {
				publish(status);
			}
		}
		finally {
			this.runLock.unlock();
		}
	}

	private void publish(MigrationStatus status) {
		this.status = status;
	}

	/**
	 * The update on boot: the fast path if nothing changed, else Liquibase.
	 */
	RunReport migrate() {
		RunReport unchanged = skipIfUnchanged();
		return (unchanged != null) ? unchanged : run(new UpdateOperation(this.settings, this.fastPath,
				(outOfOrder) -> this.listeners.forEach((listener) -> listener.outOfOrder(outOfOrder))));
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
				publish(new MigrationStatus(MigrationState.UP_TO_DATE, this.settings.changeLog(),
						DatabaseInfo.of(connection, schema), history.applied(), List.of(), List.of(), report,
						this.status.lock(), null, Instant.now()));
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

	/**
	 * Read the history again and recompute the status, without the lock and without
	 * parsing the changelog again if a run parsed it.
	 */
	MigrationStatus refresh() {
		this.runLock.lock();
		try {
			publish(this.sessions.read((session) -> readBack(session, this.status.state(), this.status.lastRun())));
			return this.status;
		}
		finally {
			this.runLock.unlock();
		}
	}

	private MigrationStatus readBack(Session session, MigrationState before, @Nullable RunReport lastRun)
			throws Exception {
		ChangeLogModel model = this.model;
		if (model == null) {
			model = session.model();
			this.model = model;
		}
		List<ChangeSetInfo> applied = session.applied();
		MigrationState state = (before == MigrationState.FAILED) ? MigrationState.FAILED
				: stateFor(model.pending(applied));
		return snapshot(state, session, model, applied, lastRun);
	}

	/**
	 * Run a writing operation; see the class description.
	 * @throws MigrationException if it was refused or failed; the status then says why
	 */
	<P> RunReport run(Operation<P> operation) {
		if (operation.planBeforeLock()) {
			inspect(operation::plan);
		}
		this.runLock.lock();
		Instant startedAt = Instant.now();
		ProgressTracker tracker = new ProgressTracker(operation.name(),
				(progress) -> publish(this.status.withProgress(progress)), this.listeners, () -> this.stopRequested);
		// an operator operation (endpoint, command) that fails keeps a state that was
		// known and
		// good; a failure on boot (also through a MigrationStrategy) is FAILED
		MigrationStatus previous = this.status;
		RunReport previousRun = previous.lastRun();
		boolean keepState = !(operation instanceof UpdateOperation) && previous.checkedAt() != null
				&& (previous.state() == MigrationState.UP_TO_DATE || (previous.state() == MigrationState.PENDING
						&& previousRun != null && previousRun.outcome() == Outcome.SUCCEEDED));
		this.runThread = Thread.currentThread();
		try {
			if (this.stopRequested) {
				throw Failures.stopped(null, this.settings.changeLog());
			}
			publish(this.status.withState(MigrationState.MIGRATING).withProgress(new Progress(0, 0, null)));
			RunReport report = this.sessions.write((session) -> {
				int applied = intercepted(operation, session, tracker);
				session.flush();
				ChangeLogModel model = session.model();
				this.model = model;
				List<ChangeSetInfo> appliedChangeSets = session.applied();
				RunReport success = new RunReport(operation.name(), startedAt, Instant.now(), applied,
						Outcome.SUCCEEDED, null, tracker.markedRan());
				publish(snapshot(stateFor(model.pending(appliedChangeSets)), session, model, appliedChangeSets,
						success));
				return success;
			}, tracker);
			logSummary(report);
			this.listeners.forEach((listener) -> listener.runFinished(report, this.status));
			return report;
		}
		catch (MigrationException ex) {
			RunReport failed = new RunReport(operation.name(), startedAt, Instant.now(), tracker.applied(),
					Outcome.FAILED, ex.getFailure());
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

	private <P> int intercepted(Operation<P> operation, Session session, ProgressTracker tracker) throws Exception {
		if (this.fastPath != null) {
			// before anything parses the changelog: an interceptor (lint on boot) reads
			// the
			// pending changesets before the operation, and the session keeps that parse
			this.fastPath.startRecording();
		}
		DefaultChangeExecListener listeners = new DefaultChangeExecListener(tracker);
		session.liquibase().setChangeExecListener(listeners);
		RunContext context = new RunContext(operation.name(), operation.retryable(), session.connection(),
				session.database(), session::unrun, listeners);
		RunInterceptor.Work work = () -> {
			// a retry must read the history again: the failed attempt's read is stale
			session.resetHistory();
			return operation.apply(session, operation.plan(session), tracker);
		};
		for (int i = this.interceptors.size() - 1; i >= 0; i--) {
			RunInterceptor interceptor = this.interceptors.get(i);
			RunInterceptor.Work inner = work;
			work = () -> interceptor.intercept(context, inner);
		}
		return work.run();
	}

	/**
	 * The SQL an operation would run, without running it: at once or not at all (never
	 * behind a run of this process), without Liquibase's own lock (so that none of its
	 * lock-table SQL is printed), with secret-looking changelog parameter values masked.
	 */
	<P> String sql(Operation<P> operation) {
		if (!this.runLock.tryLock()) {
			throw new MigrationException(new MigrationFailure(Kind.BUSY, null, this.settings.changeLog(),
					"A migration is running in this process; the preview would wait for it",
					"Ask again when the migration is done (state is no longer MIGRATING)."), null);
		}
		try {
			String sql = this.sessions
				.read((session) -> Scope.child(Map.of(SessionLockService.HELD_CONNECTION, session.connection()), () -> {
					StringWriter out = new StringWriter();
					operation.sql(session, operation.plan(session), out);
					return out.toString();
				}));
			return SecretParameters.mask(sql, this.settings.parameters(), this.maskedParameters);
		}
		finally {
			this.runLock.unlock();
		}
	}

	/**
	 * Work on the database under the in-process run lock without changing the status: for
	 * reads and for plans.
	 */
	<T> T inspect(SessionWork<T> work) {
		this.runLock.lock();
		try {
			return this.sessions.read(work);
		}
		finally {
			this.runLock.unlock();
		}
	}

	void setMaskedParameters(Collection<String> names) {
		this.maskedParameters = names.stream().map((name) -> name.toLowerCase(Locale.ROOT)).toList();
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
			return this.sessions.read((session) -> readBack(session, failed.state(), failed.lastRun()));
		}
		catch (MigrationException ex) {
			logger.debug("Migrations: could not read the database after the failure: " + ex.getFailure().message());
			return failed;
		}
	}

	private static MigrationState stateFor(List<ChangeSetInfo> pending) {
		return pending.isEmpty() ? MigrationState.UP_TO_DATE : MigrationState.PENDING;
	}

	private MigrationStatus snapshot(MigrationState state, Session session, ChangeLogModel model,
			List<ChangeSetInfo> applied, @Nullable RunReport lastRun) throws SQLException {
		return new MigrationStatus(state, this.settings.changeLog(), session.databaseInfo(), applied,
				model.pending(applied), model.unexpected(applied), lastRun, this.status.lock(), null, Instant.now(),
				model.outOfOrder(applied), InvalidIndexes.warnings(session.connection()));
	}

	// Stopping on shutdown (SIGTERM): a run waiting for the lock or the database stops
	// waiting at once; a run holding the lock finishes the current changeset and stops
	// before the next one.

	void requestStop() {
		this.stopRequested = true;
		Thread thread = this.runThread;
		if (thread != null && !this.sessions.lockHeld()) {
			thread.interrupt();
		}
	}

	boolean awaitNoRun(Duration timeout) throws InterruptedException {
		if (this.runLock.tryLock(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			this.runLock.unlock();
			return true;
		}
		return false;
	}

}
