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
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import org.jspecify.annotations.Nullable;

/**
 * Sets {@code lock_timeout} (and {@code statement_timeout}) right before each change of a
 * changeset runs: {@code SET LOCAL} inside a transactional changeset, so the limit ends
 * with its transaction; on the session for a {@code runInTransaction="false"} changeset,
 * where {@code SET LOCAL} would be lost, and reset once the run is over. It must be per
 * change, not per changeset: Liquibase rolls back after checking a changeset's
 * preconditions, which would undo a setting made before.
 */
final class SessionLimits extends AbstractChangeExecListener {

	private final Connection connection;

	private final Duration lockTimeout;

	private final @Nullable Duration statementTimeout;

	private final BlockerWatch watch;

	private boolean sessionLevel;

	private volatile @Nullable ChangeSet failed;

	SessionLimits(Connection connection, Duration lockTimeout, @Nullable Duration statementTimeout,
			BlockerWatch watch) {
		this.connection = connection;
		this.lockTimeout = lockTimeout;
		this.statementTimeout = statementTimeout;
		this.watch = watch;
	}

	@Override
	public void willRun(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
		this.failed = null;
		boolean local = changeSet.isRunInTransaction();
		this.sessionLevel |= !local;
		String set = local ? "SET LOCAL " : "SET ";
		try (Statement statement = this.connection.createStatement()) {
			statement.execute(set + "lock_timeout = '" + this.lockTimeout.toMillis() + "ms'");
			if (this.statementTimeout != null) {
				statement.execute(set + "statement_timeout = '" + this.statementTimeout.toMillis() + "ms'");
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not set lock_timeout for changeset " + changeSet, ex);
		}
		this.watch.changeStarted();
	}

	@Override
	public void ran(Change change, ChangeSet changeSet, DatabaseChangeLog changeLog, Database database) {
		this.watch.changeFinished();
	}

	@Override
	public void runFailed(ChangeSet changeSet, DatabaseChangeLog changeLog, Database database, Exception exception) {
		this.failed = changeSet;
		this.watch.changeFinished();
	}

	/**
	 * The changeset whose failure was reported last, if any.
	 * @return the failed changeset
	 */
	@Nullable ChangeSet failed() {
		return this.failed;
	}

	/**
	 * Undo what a non-transactional changeset set on the session, so that a pooled
	 * connection goes back to the pool as it came.
	 * @throws SQLException if the reset failed
	 */
	void reset() throws SQLException {
		if (!this.sessionLevel) {
			return;
		}
		try (Statement statement = this.connection.createStatement()) {
			statement.execute("RESET lock_timeout");
			statement.execute("RESET statement_timeout");
		}
		if (!this.connection.getAutoCommit()) {
			this.connection.commit();
		}
		this.sessionLevel = false;
	}

}
