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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL session-level advisory lock, keyed on the changelog table. The server
 * releases it when the holding session ends, including when its process is killed.
 * Advisory locks are scoped to the current database.
 */
public final class PostgresAdvisoryLock extends PollingMigrationLock {

	private static final String HOLDER_SQL = """
			SELECT a.pid, a.application_name, host(a.client_addr), a.backend_start
			FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
			WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1
			AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
			AND l.classid::bigint = ? AND l.objid::bigint = ?""";

	private final String name;

	private final long key;

	/**
	 * Create a lock for the given changelog table.
	 * @param schema the changelog table's schema
	 * @param table the changelog table's name
	 */
	public PostgresAdvisoryLock(String schema, String table) {
		this.name = (schema + "." + table).toLowerCase(Locale.ROOT);
		this.key = key(this.name);
	}

	/**
	 * The advisory lock key: the first 64 bits of the SHA-256 of
	 * {@code boot-migrations:schema.table}, in lower case.
	 * @return the key
	 */
	public long key() {
		return this.key;
	}

	@Override
	public String strategy() {
		return "postgresql-advisory";
	}

	@Override
	protected boolean tryAcquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	@Override
	protected void release(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
	}

	@Override
	public @Nullable LockHolder holder(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(HOLDER_SQL)) {
			statement.setLong(1, this.key >>> 32);
			statement.setLong(2, this.key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				Timestamp since = result.getTimestamp(4);
				return new LockHolder("pid " + result.getInt(1), result.getString(2), result.getString(3),
						(since != null) ? since.toInstant() : null);
			}
		}
	}

	@Override
	public String toString() {
		return strategy() + " on " + this.name;
	}

	static long key(String name) {
		return LockKeys.key64("boot-migrations:" + name);
	}

}
