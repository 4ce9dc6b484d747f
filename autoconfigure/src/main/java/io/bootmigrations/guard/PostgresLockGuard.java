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

package io.bootmigrations.guard;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import liquibase.changelog.ChangeSet;
import liquibase.database.core.PostgresDatabase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.RunContext;
import io.bootmigrations.engine.RunInterceptor;

/**
 * On PostgreSQL, limits how long each changeset's statements wait for a lock
 * ({@code migrations.postgresql.lock-timeout}): a statement that cannot get its lock
 * gives up instead of making every later query on the table queue behind it. The run then
 * stops at that changeset (its transaction rolled back, its locks released), waits with
 * backoff, and runs again from there, up to {@code migrations.postgresql.lock-retries}
 * times; the log and the final failure name the session that held the lock.
 * <p>
 * A {@code runInTransaction="false"} changeset is not retried: some of its statements may
 * have been applied (a {@code CREATE INDEX CONCURRENTLY} that gave up leaves an
 * {@code INVALID} index), so running it again is for an operator to decide.
 */
public final class PostgresLockGuard implements RunInterceptor {

	private static final Log logger = LogFactory.getLog(PostgresLockGuard.class);

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

	private final DataSource dataSource;

	private final Duration lockTimeout;

	private final int retries;

	private final @Nullable Duration statementTimeout;

	private final Duration firstBackoff;

	private final MigrationScheduler scheduler;

	/**
	 * Create a guard.
	 * @param dataSource where the guard opens a connection of its own to see who blocks
	 * the migration
	 * @param lockTimeout how long a statement waits for a lock; zero for no limit and no
	 * retries
	 * @param retries how many times a changeset that gave up is run again
	 * @param statementTimeout how long a statement may run, or {@code null} for no limit
	 * @param scheduler the scheduler that samples the sessions blocking a change
	 */
	public PostgresLockGuard(DataSource dataSource, Duration lockTimeout, int retries,
			@Nullable Duration statementTimeout, MigrationScheduler scheduler) {
		this(dataSource, lockTimeout, retries, statementTimeout, FIRST_BACKOFF, scheduler);
	}

	PostgresLockGuard(DataSource dataSource, Duration lockTimeout, int retries, @Nullable Duration statementTimeout,
			Duration firstBackoff, MigrationScheduler scheduler) {
		if (lockTimeout.isNegative() || retries < 0
				|| statementTimeout != null && (statementTimeout.isNegative() || statementTimeout.isZero())) {
			throw new IllegalArgumentException("Invalid guard: lock-timeout " + lockTimeout + ", lock-retries "
					+ retries + ", statement-timeout " + statementTimeout);
		}
		this.dataSource = dataSource;
		this.lockTimeout = lockTimeout;
		this.retries = lockTimeout.isZero() ? 0 : retries;
		this.statementTimeout = statementTimeout;
		this.firstBackoff = firstBackoff;
		this.scheduler = scheduler;
	}

	@Override
	public int intercept(RunContext run, Work work) throws Exception {
		if (!(run.database() instanceof PostgresDatabase)
				|| this.lockTimeout.isZero() && this.statementTimeout == null) {
			return work.run();
		}
		Duration interval = Duration.ofMillis(Math.min(1000, Math.max(50, this.lockTimeout.toMillis() / 4)));
		try (BlockerWatch watch = new BlockerWatch(this.dataSource, backendPid(run), interval, this.scheduler)) {
			SessionLimits limits = new SessionLimits(run.connection(), this.lockTimeout, this.statementTimeout, watch);
			run.addListener(limits);
			try {
				return withRetries(run, work, limits, watch);
			}
			finally {
				try {
					limits.reset();
				}
				catch (SQLException ex) {
					// the connection is closed after the run anyway; never hide the run's
					// own outcome
					logger.debug("Migrations: could not reset lock_timeout on the migration connection", ex);
				}
			}
		}
	}

	private int withRetries(RunContext run, Work work, SessionLimits limits, BlockerWatch watch) throws Exception {
		AtomicInteger attempts = new AtomicInteger();
		RetryPolicy policy = RetryPolicy.builder()
			.maxRetries(this.retries)
			.delay(this.firstBackoff)
			.multiplier(2)
			.maxDelay(MAX_BACKOFF)
			.predicate((ex) -> run.retryable() && isLockTimeout(ex) && transactional(limits.failed()))
			.build();
		RetryTemplate template = new RetryTemplate(policy);
		template.setRetryListener(new RetryListener() {
			@Override
			public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable) {
				logGaveUp(limits.failed(), watch.blockers(), attempts.get());
			}
		});
		try {
			return template.execute(() -> {
				attempts.incrementAndGet();
				return work.run();
			});
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (!isLockTimeout(last)) {
				throw (last instanceof Exception exception) ? exception : ex;
			}
			throw lockFailure(limits.failed(), watch.blockers(), attempts.get(), last);
		}
	}

	private void logGaveUp(@Nullable ChangeSet changeSet, @Nullable String blockers, int attempt) {
		logger.warn("Migrations: changeset " + changeSet + " could not get its lock within " + text(this.lockTimeout)
				+ " (attempt " + attempt + " of " + (this.retries + 1) + "); held by "
				+ ((blockers != null) ? blockers : "a session no longer seen")
				+ "; its transaction was rolled back and it runs again after a backoff");
	}

	private MigrationException lockFailure(@Nullable ChangeSet changeSet, @Nullable String blockers, int attempts,
			Throwable cause) {
		boolean transactional = transactional(changeSet);
		String message = "Changeset " + changeSet + " could not get a lock within " + text(this.lockTimeout) + " in "
				+ attempts + " attempt" + ((attempts == 1) ? "" : "s") + "; the lock was held by "
				+ ((blockers != null) ? blockers : "a session that was gone before it could be seen")
				+ (transactional ? "" : ". It runs with runInTransaction=false, so it was not retried and some of "
						+ "its statements may have been applied (a CREATE INDEX CONCURRENTLY leaves an INVALID index)");
		String action = "Find what holds locks on the table that long (a long transaction, an idle-in-transaction "
				+ "session, a long report), end it or deploy at a quieter time; raise "
				+ "migrations.postgresql.lock-timeout or lock-retries only if waiting that long is acceptable, "
				+ "since queries on the table queue behind the waiting statement.";
		ChangeSetInfo info = (changeSet != null) ? new ChangeSetInfo(changeSet.getId(), changeSet.getAuthor(),
				changeSet.getFilePath(), changeSet.getDescription(), null, null) : null;
		return new MigrationException(new MigrationFailure(MigrationFailure.Kind.CHANGESET_FAILED, info,
				(changeSet != null) ? changeSet.getFilePath() : null, message, action), cause);
	}

	private static String text(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + "s" : millis + "ms";
	}

	private static boolean transactional(@Nullable ChangeSet changeSet) {
		return changeSet == null || changeSet.isRunInTransaction();
	}

	static boolean isLockTimeout(@Nullable Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static int backendPid(RunContext run) throws SQLException {
		try (Statement statement = run.connection().createStatement();
				var rows = statement.executeQuery("SELECT pg_backend_pid()")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
