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

package io.bootmigrations.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A lock that only one process at a time may hold while it migrates a database. Taken on
 * the connection the migration uses, held for the whole run and released before that
 * connection is closed.
 */
public interface MigrationLock {

	/**
	 * The name of the strategy, for status and logs (for example
	 * {@code postgresql-advisory}).
	 * @return the strategy name
	 */
	String strategy();

	/**
	 * Whether this lock replaces Liquibase's {@code DATABASECHANGELOGLOCK} row while it
	 * is held.
	 * @return {@code true} for database-native locks
	 */
	boolean replacesLiquibaseLock();

	/**
	 * Take the lock on the given connection, waiting at most {@code timeout}.
	 * @param connection the connection the migration runs on; it must stay open (and out
	 * of any pool) until the handle is closed
	 * @param timeout how long to wait for another holder
	 * @param listener told while waiting, so that the wait can be logged and shown
	 * @return a handle that releases the lock
	 * @throws LockTimeoutException if another process held the lock for longer than
	 * {@code timeout}
	 * @throws SQLException if the database failed
	 */
	Handle acquire(Connection connection, Duration timeout, WaitListener listener) throws SQLException;

	/**
	 * Who holds the lock now, as the database reports it.
	 * @param connection a connection to the database
	 * @return the holder, or {@code null} if nobody holds it (or it cannot be told)
	 * @throws SQLException if the database failed
	 */
	@Nullable LockHolder holder(Connection connection) throws SQLException;

	/**
	 * A held lock.
	 */
	interface Handle extends AutoCloseable {

		/**
		 * Release the lock. The connection stays open.
		 * @throws SQLException if the database failed
		 */
		@Override
		void close() throws SQLException;

	}

	/**
	 * Told while {@link #acquire} waits for another holder.
	 */
	@FunctionalInterface
	interface WaitListener {

		/**
		 * The lock is still held by someone else.
		 * @param holder who holds it, if the database can tell
		 * @param waited how long this process has waited so far
		 * @param timeout how long it will wait in all
		 */
		void waiting(@Nullable LockHolder holder, Duration waited, Duration timeout);

	}

}
