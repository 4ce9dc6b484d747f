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

import java.sql.Connection;

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.DatabaseException;

/**
 * The connection a run gives Liquibase. Liquibase must not close it: the engine closes it
 * itself, after releasing its lock.
 * <p>
 * It also makes a changeset and its {@code DATABASECHANGELOG} row one transaction where
 * the database has transactional DDL. Liquibase commits a changeset's changes at the end
 * of {@code ChangeSet.execute} (or {@code rollback}) and then writes (or deletes) the row
 * and commits again, so a crash between the two left a table without its row. While a
 * transactional changeset runs, commits are held back; the commit after the row was
 * written ({@link #endChangeSet()}, called when Liquibase reports the changeset ran or
 * was rolled back) commits both. Changesets with {@code runInTransaction: false} and
 * databases without transactional DDL (MariaDB, MySQL) keep Liquibase's order.
 */
final class SessionJdbcConnection extends JdbcConnection {

	private volatile boolean deferring;

	SessionJdbcConnection(Connection connection) {
		super(connection);
	}

	/**
	 * Called before a changeset runs or is rolled back: hold back commits until
	 * {@link #endChangeSet()} if the changeset runs in a transaction that can hold DDL.
	 * @param changeSet the changeset
	 * @param database the database
	 */
	static void beginChangeSet(ChangeSet changeSet, Database database) {
		if (database.getConnection() instanceof SessionJdbcConnection connection) {
			connection.deferring = changeSet.isRunInTransaction() && database.supportsDDLInTransaction();
		}
	}

	/**
	 * Called once the changeset's history row is written or deleted (or the changeset
	 * failed and was rolled back): the next commit commits the changeset with its row.
	 * @param database the database
	 */
	static void endChangeSet(Database database) {
		if (database.getConnection() instanceof SessionJdbcConnection connection) {
			connection.deferring = false;
		}
	}

	/**
	 * Whether commits are held back because a changeset is running.
	 * @return whether commits are deferred
	 */
	boolean deferring() {
		return this.deferring;
	}

	/**
	 * Stop holding back commits and commit what was held back, at the end of a run that
	 * succeeded (a changeset Liquibase skipped reports no end).
	 * @throws DatabaseException if the commit fails
	 */
	void flush() throws DatabaseException {
		if (this.deferring) {
			this.deferring = false;
			commit();
		}
	}

	@Override
	public void commit() throws DatabaseException {
		if (!this.deferring) {
			super.commit();
		}
	}

	@Override
	public void close() {
	}

}
