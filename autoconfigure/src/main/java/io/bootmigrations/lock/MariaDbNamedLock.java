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
import java.util.HexFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A MariaDB/MySQL named lock ({@code GET_LOCK}), named after the changelog table. The
 * server releases it when the holding connection ends, including when its process is
 * killed. Named locks are server-wide, so the name includes the schema (database).
 */
public final class MariaDbNamedLock extends PollingMigrationLock {

	private static final int MAX_NAME_LENGTH = 64;

	private final String name;

	/**
	 * Create a lock for the given changelog table.
	 * @param schema the changelog table's database (schema)
	 * @param table the changelog table's name
	 */
	public MariaDbNamedLock(String schema, String table) {
		this.name = name(schema, table);
	}

	/**
	 * The lock's name, at most 64 characters.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	@Override
	public String strategy() {
		return "mariadb-named";
	}

	@Override
	protected boolean tryAcquire(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT GET_LOCK(?, 0)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getInt(1) == 1;
			}
		}
	}

	@Override
	protected void release(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
			statement.setString(1, this.name);
			statement.execute();
		}
	}

	@Override
	public @Nullable LockHolder holder(Connection connection) throws SQLException {
		long id;
		try (PreparedStatement statement = connection.prepareStatement("SELECT IS_USED_LOCK(?)")) {
			statement.setString(1, this.name);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				id = result.getLong(1);
				if (result.wasNull()) {
					return null;
				}
			}
		}
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT USER, HOST, TIME FROM information_schema.PROCESSLIST WHERE ID = ?")) {
			statement.setLong(1, id);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return new LockHolder("connection " + id, null, null, null);
				}
				return new LockHolder("connection " + id, null, result.getString(1) + "@" + result.getString(2), null);
			}
		}
	}

	@Override
	public String toString() {
		return strategy() + " " + this.name;
	}

	static String name(String schema, String table) {
		String name = ("boot-migrations:" + schema + "." + table).toLowerCase(Locale.ROOT);
		if (name.length() <= MAX_NAME_LENGTH) {
			return name;
		}
		String hash = HexFormat.of().formatHex(LockKeys.sha256(name), 0, 8);
		return name.substring(0, MAX_NAME_LENGTH - hash.length() - 1) + "#" + hash;
	}

}
