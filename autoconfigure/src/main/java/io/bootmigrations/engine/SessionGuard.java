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

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import javax.sql.DataSource;

import liquibase.GlobalConfiguration;
import liquibase.Scope;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.MigrationStatus.LockInfo;
import io.bootmigrations.lock.LockHolder;
import io.bootmigrations.lock.MigrationLock;
import io.bootmigrations.lock.MigrationLocks;
import io.bootmigrations.lock.SessionLockService;

/**
 * What a writing run does around its work: wait for the database, take the migration lock
 * on the run's own connection, mark it held for Liquibase, and release it before the
 * connection is closed.
 */
final class SessionGuard {

	private static final Log logger = LogFactory.getLog(MigrationEngine.class);

	private static final Duration FIRST_RETRY = Duration.ofMillis(500);

	private static final Duration MAX_RETRY = Duration.ofSeconds(5);

	private final Safeguards safeguards;

	private final MigrationSettings settings;

	private final Consumer<LockInfo> lockStatus;

	SessionGuard(Safeguards safeguards, MigrationSettings settings, Consumer<LockInfo> lockStatus) {
		this.safeguards = safeguards;
		this.settings = settings;
		this.lockStatus = lockStatus;
	}

	/**
	 * Get a connection, retrying with backoff while the database cannot be reached, up to
	 * {@link Safeguards#waitForDatabase()}.
	 */
	Connection connect(DataSource dataSource) throws SQLException {
		Duration limit = this.safeguards.waitForDatabase();
		long start = System.nanoTime();
		int[] attempts = { 0 };
		RetryPolicy.Builder policy = RetryPolicy.builder()
			.predicate(SessionGuard::isUnreachable)
			.maxRetries(limit.isZero() ? 0 : Integer.MAX_VALUE)
			.delay(FIRST_RETRY)
			.multiplier(2)
			.maxDelay(MAX_RETRY);
		if (!limit.isZero()) {
			// a retry whose backoff would end after the limit is not made
			policy.timeout(limit);
		}
		try {
			return new RetryTemplate(policy.build()).execute(() -> {
				attempts[0]++;
				try {
					return dataSource.getConnection();
				}
				catch (Exception ex) {
					Duration waited = Duration.ofNanos(System.nanoTime() - start);
					Duration retry = backOff(attempts[0]);
					if (isUnreachable(ex) && !limit.isZero() && waited.plus(retry).compareTo(limit) <= 0) {
						logger.warn("Migrations: database not reachable (attempt " + attempts[0] + ", waited "
								+ seconds(waited) + " of " + seconds(limit) + "): " + reason(ex) + "; retrying in "
								+ seconds(retry));
					}
					throw ex;
				}
			});
		}
		catch (RetryException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new IllegalStateException("Interrupted while waiting for the database", ex);
			}
			Throwable last = ex.getCause();
			if (!isUnreachable(last)) {
				if (last instanceof SQLException sql) {
					throw sql;
				}
				if (last instanceof RuntimeException runtime) {
					throw runtime;
				}
				throw new IllegalStateException(last);
			}
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			int attempt = attempts[0];
			throw new MigrationException(
					new MigrationFailure(Kind.DATABASE_UNAVAILABLE, null, this.settings.changeLog(),
							"The database could not be reached after " + attempt + " attempt"
									+ ((attempt == 1) ? "" : "s") + " in " + seconds(waited) + ": " + reason(last),
							"Check that the database is running and reachable from here, and the datasource's URL, "
									+ "user and password. If the database starts slowly, raise "
									+ "migrations.startup.wait-for-database (now " + limit + ")."),
					last);
		}
	}

	/** The backoff after the given attempt, as the retry policy computes it. */
	private static Duration backOff(int attempt) {
		Duration retry = FIRST_RETRY.multipliedBy(1L << Math.min(attempt - 1, 20));
		return (retry.compareTo(MAX_RETRY) > 0) ? MAX_RETRY : retry;
	}

	/**
	 * Run {@code work} holding the migration lock on {@code connection}.
	 */
	<T> T underLock(Connection connection, Callable<T> work) throws Exception {
		String table = this.settings.changeLogTableName();
		MigrationLock lock;
		try {
			lock = MigrationLocks.forDatabase(this.safeguards.lockStrategy(), connection, lockSchema(), table);
		}
		catch (IllegalStateException ex) {
			throw new MigrationException(new MigrationFailure(Kind.OTHER, null, this.settings.changeLog(),
					ex.getMessage(), "Change migrations.lock.strategy; nothing was applied."), ex);
		}
		Duration timeout = this.safeguards.lockWaitTimeout();
		MigrationLock.Handle handle = lock.acquire(connection, timeout, (holder, waited, limit) -> {
			logger.info("Migrations: waiting for the migration lock (" + lock.strategy() + ") held by "
					+ ((holder != null) ? holder.describe() : "another session") + "; waited " + seconds(waited)
					+ " of " + seconds(limit));
			this.lockStatus.accept(new LockInfo(lock.strategy(), true, (holder != null) ? holder.describe() : null,
					(holder != null) ? holder.since() : null, false));
		});
		boolean stale = false;
		try {
			stale = lock.replacesLiquibaseLock() && staleLiquibaseLock(connection);
			if (stale) {
				logger.warn("Migrations: " + lockTable() + " is marked locked (left by an older setup or a killed "
						+ "process); ignored, because this run holds the " + lock.strategy() + " lock instead");
			}
			this.lockStatus.accept(new LockInfo(lock.strategy(), true, "this process", Instant.now(), stale));
			Map<String, Object> scope = lock.replacesLiquibaseLock()
					? Map.of(SessionLockService.HELD_CONNECTION, connection)
					: Map.of(GlobalConfiguration.CHANGELOGLOCK_WAIT_TIME.getKey(),
							Math.max(1, (timeout.toSeconds() + 59) / 60));
			return Scope.child(scope, () -> work.call());
		}
		finally {
			release(connection, handle);
			this.lockStatus.accept(new LockInfo(lock.strategy(), false, null, null, stale));
		}
	}

	/**
	 * Release the lock; if that fails, abort the connection so that a pool cannot hand
	 * out a connection that still holds it (the server releases it with the session).
	 */
	private static void release(Connection connection, MigrationLock.Handle handle) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
			handle.close();
		}
		catch (SQLException ex) {
			logger.warn("Migrations: could not release the migration lock; closing its connection instead: "
					+ JdbcUrls.scrub(String.valueOf(ex.getMessage())));
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException abortFailed) {
				logger.debug("Could not abort the connection", abortFailed);
			}
		}
	}

	private @Nullable String lockSchema() {
		return this.settings.historySchema();
	}

	private String lockTable() {
		return this.settings.lockTableName();
	}

	private boolean staleLiquibaseLock(Connection connection) throws SQLException {
		String name = lockTable();
		String schema = lockSchema();
		var metaData = connection.getMetaData();
		DatabaseDriver database = DatabaseDriver.fromProductName(metaData.getDatabaseProductName());
		boolean catalogs = database == DatabaseDriver.MARIADB || database == DatabaseDriver.MYSQL;
		for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
			String catalog = catalogs ? ((schema != null) ? schema : connection.getCatalog()) : null;
			String schemaPattern = catalogs ? null : ((schema != null) ? schema : connection.getSchema());
			try (ResultSet tables = metaData.getTables(catalog, schemaPattern, candidate, null)) {
				if (tables.next()) {
					String qualified = ((schema != null) ? schema + "." : "") + candidate;
					try (PreparedStatement statement = connection
						.prepareStatement("SELECT COUNT(*) FROM " + qualified + " WHERE LOCKED = ?")) {
						statement.setBoolean(1, true);
						try (ResultSet rows = statement.executeQuery()) {
							rows.next();
							return rows.getInt(1) > 0;
						}
					}
				}
			}
		}
		return false;
	}

	/**
	 * Whether a connection failure is worth waiting for: the network, or what Spring's
	 * SQL exception translation calls a resource failure (SQL states 08, 53, 57: the
	 * server is starting, shutting down or out of connections).
	 */
	static boolean isUnreachable(@Nullable Throwable ex) {
		Throwable candidate = ex;
		for (int depth = 0; candidate != null && depth < 32; depth++, candidate = candidate.getCause()) {
			if (candidate instanceof ConnectException || candidate instanceof UnknownHostException
					|| candidate instanceof NoRouteToHostException || candidate instanceof SocketTimeoutException
					|| candidate instanceof SQLTransientConnectionException) {
				return true;
			}
			if (candidate instanceof SQLException sql && Failures.isResourceFailure(sql)) {
				return true;
			}
		}
		return false;
	}

	private static String reason(Throwable ex) {
		Throwable root = ex;
		String message = ex.getMessage();
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 32; depth++) {
			root = root.getCause();
			if (root instanceof SQLException && root.getMessage() != null) {
				message = root.getMessage();
			}
		}
		if (message == null) {
			message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		}
		return JdbcUrls.scrub(message.strip().replaceAll("\\s+", " "));
	}

	private static String seconds(Duration duration) {
		return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
	}

}
