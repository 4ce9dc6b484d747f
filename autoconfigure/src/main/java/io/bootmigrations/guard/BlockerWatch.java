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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationScheduler;

/**
 * Samples, on a connection of its own, which sessions block the migration connection
 * while a change runs ({@code pg_blocking_pids}), so that a lock timeout can name who
 * held the lock: once the migration's statement gave up, the wait and with it the answer
 * are gone. Opens its connection only when a change runs longer than one sampling
 * interval; never logs query text (it may hold data). Samples on the starter's
 * {@link MigrationScheduler}, from construction until {@link #close()}.
 */
final class BlockerWatch implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(BlockerWatch.class);

	private static final String BLOCKERS = """
			SELECT pid, application_name, usename, client_addr, state, query_start, xact_start
			FROM pg_stat_activity WHERE pid = ANY(pg_blocking_pids(?)) ORDER BY pid""";

	private final DataSource dataSource;

	private final int migrationPid;

	private final @Nullable ScheduledFuture<?> sampling;

	private volatile boolean watching;

	private volatile @Nullable String blockers;

	// guarded by this: sample() and close() never overlap
	private @Nullable Connection connection;

	private boolean closed;

	BlockerWatch(DataSource dataSource, int migrationPid, Duration interval, MigrationScheduler scheduler) {
		this.dataSource = dataSource;
		this.migrationPid = migrationPid;
		this.sampling = scheduler.withFixedDelay(this::sample,
				(interval.toMillis() < 50) ? Duration.ofMillis(50) : interval);
	}

	/** A change starts: forget the blockers of the one before. */
	void changeStarted() {
		this.blockers = null;
		this.watching = true;
	}

	/** The change is done. */
	void changeFinished() {
		this.watching = false;
	}

	/**
	 * The sessions seen blocking the current (or last) change.
	 * @return a description, or {@code null} if none was seen
	 */
	@Nullable String blockers() {
		return this.blockers;
	}

	private synchronized void sample() {
		if (!this.watching || this.closed) {
			return;
		}
		try {
			if (this.connection == null) {
				this.connection = this.dataSource.getConnection();
				this.connection.setAutoCommit(true);
			}
			List<String> found = new ArrayList<>();
			try (PreparedStatement statement = this.connection.prepareStatement(BLOCKERS)) {
				statement.setInt(1, this.migrationPid);
				try (ResultSet rows = statement.executeQuery()) {
					while (rows.next()) {
						found.add(describe(rows));
					}
				}
			}
			if (!found.isEmpty() && this.watching) {
				this.blockers = String.join("; ", found);
			}
		}
		catch (SQLException ex) {
			logger.debug("Migrations: could not read the sessions blocking the migration", ex);
		}
	}

	private static String describe(ResultSet row) throws SQLException {
		String application = row.getString("application_name");
		Timestamp queryStart = row.getTimestamp("query_start");
		Timestamp transactionStart = row.getTimestamp("xact_start");
		return "pid " + row.getInt("pid") + " (application '" + ((application != null) ? application : "") + "', user "
				+ row.getString("usename") + ", client " + row.getString("client_addr") + ", " + row.getString("state")
				+ ((queryStart != null) ? ", query started " + queryStart.toInstant() : "")
				+ ((transactionStart != null) ? ", transaction started " + transactionStart.toInstant() : "") + ")";
	}

	@Override
	public void close() {
		if (this.sampling != null) {
			// interrupts a sample waiting for a connection; one under way ends first
			this.sampling.cancel(true);
		}
		closeConnection();
	}

	private synchronized void closeConnection() {
		this.closed = true;
		if (this.connection != null) {
			try {
				this.connection.close();
			}
			catch (SQLException ex) {
				logger.debug("Migrations: could not close the lock watch connection", ex);
			}
		}
	}

}
