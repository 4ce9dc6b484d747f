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

package io.bootmigrations.engine.fastpath;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The starter's own table, next to {@code DATABASECHANGELOG}: one row per changelog
 * table, holding the fingerprint of the last successful run that left nothing to do and
 * the questions (inputs) to ask again on the next boot.
 */
final class FingerprintStore {

	static final String TABLE = "BOOTMIGRATIONS_FINGERPRINT";

	private final String table;

	private final String key;

	/**
	 * Create a store.
	 * @param schema the schema of {@code DATABASECHANGELOG}, or {@code null} for the
	 * connection's
	 * @param changeLogTable the name of the changelog table the fingerprint belongs to
	 */
	FingerprintStore(@Nullable String schema, String changeLogTable) {
		this.table = (schema != null) ? schema + "." + TABLE : TABLE;
		this.key = changeLogTable.toLowerCase(Locale.ROOT);
	}

	/**
	 * The stored fingerprint, if there is one.
	 * @param connection the connection
	 * @return the stored fingerprint, or {@code null} if there is none or the table does
	 * not exist
	 */
	@Nullable Stored read(Connection connection) {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT FINGERPRINT, INPUTS FROM " + this.table + " WHERE CHANGELOG_TABLE = ?")) {
			statement.setString(1, this.key);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next() ? new Stored(rows.getString(1), rows.getString(2)) : null;
			}
		}
		catch (SQLException ex) {
			rollbackQuietly(connection);
			return null;
		}
	}

	/**
	 * The stored fingerprints of several stores of one database, in one query (a
	 * {@code UNION ALL} of their tables).
	 * @param connection the connection
	 * @param stores the stores by the caller's key
	 * @return the stored fingerprints by key; a store without one is absent
	 * @throws SQLException if one of the tables cannot be read (for example not created
	 * yet)
	 */
	static Map<String, Stored> readAll(Connection connection, Map<String, FingerprintStore> stores)
			throws SQLException {
		List<String> keys = new ArrayList<>(stores.keySet());
		if (keys.isEmpty()) {
			return Map.of();
		}
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < keys.size(); i++) {
			sql.append((i > 0) ? " UNION ALL " : "")
				.append("SELECT ")
				.append(i)
				.append(" AS STORE_KEY, FINGERPRINT, INPUTS FROM ")
				.append(stores.get(keys.get(i)).table)
				.append(" WHERE CHANGELOG_TABLE = ?");
		}
		Map<String, Stored> stored = new LinkedHashMap<>();
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			for (int i = 0; i < keys.size(); i++) {
				statement.setString(i + 1, stores.get(keys.get(i)).key);
			}
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					stored.put(keys.get(rows.getInt(1)), new Stored(rows.getString(2), rows.getString(3)));
				}
			}
		}
		catch (SQLException ex) {
			rollbackQuietly(connection);
			throw ex;
		}
		return stored;
	}

	/**
	 * Replace the stored fingerprint.
	 * @param connection the connection
	 * @param fingerprint the fingerprint
	 * @param inputs the inputs' questions
	 * @throws SQLException if it cannot be stored
	 */
	void write(Connection connection, String fingerprint, String inputs) throws SQLException {
		createIfMissing(connection);
		inTransaction(connection, () -> {
			delete(connection);
			try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + this.table
					+ " (CHANGELOG_TABLE, FINGERPRINT, INPUTS, RECORDED_AT) VALUES (?, ?, ?, ?)")) {
				insert.setString(1, this.key);
				insert.setString(2, fingerprint);
				insert.setString(3, inputs);
				insert.setTimestamp(4, Timestamp.from(Instant.now()));
				insert.executeUpdate();
			}
		});
	}

	/**
	 * Remove the stored fingerprint, so that the next boot takes the full path.
	 * @param connection the connection
	 * @throws SQLException if it cannot be removed
	 */
	void clear(Connection connection) throws SQLException {
		if (exists(connection)) {
			inTransaction(connection, () -> delete(connection));
		}
	}

	private void delete(Connection connection) throws SQLException {
		try (PreparedStatement delete = connection
			.prepareStatement("DELETE FROM " + this.table + " WHERE CHANGELOG_TABLE = ?")) {
			delete.setString(1, this.key);
			delete.executeUpdate();
		}
	}

	private void createIfMissing(Connection connection) throws SQLException {
		if (exists(connection)) {
			return;
		}
		String text = textType(DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName()));
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE " + this.table + " (CHANGELOG_TABLE VARCHAR(255) NOT NULL PRIMARY KEY, "
					+ "FINGERPRINT VARCHAR(64) NOT NULL, INPUTS " + text
					+ " NOT NULL, RECORDED_AT TIMESTAMP NOT NULL)");
			if (!connection.getAutoCommit()) {
				connection.commit();
			}
		}
		catch (SQLException ex) {
			// another replica may have created it at the same moment
			rollbackQuietly(connection);
			if (!exists(connection)) {
				throw ex;
			}
		}
	}

	private boolean exists(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.executeQuery("SELECT CHANGELOG_TABLE FROM " + this.table + " WHERE 1 = 0").close();
			return true;
		}
		catch (SQLException ex) {
			rollbackQuietly(connection);
			return false;
		}
	}

	private static String textType(DatabaseDriver database) {
		return switch (database) {
			case POSTGRESQL -> "TEXT";
			case MARIADB, MYSQL -> "LONGTEXT";
			case SQLSERVER -> "NVARCHAR(MAX)";
			default -> "CLOB";
		};
	}

	private static void inTransaction(Connection connection, SqlWork work) throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			work.run();
			connection.commit();
		}
		catch (SQLException ex) {
			rollbackQuietly(connection);
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static void rollbackQuietly(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (SQLException ex) {
			// nothing more to do
		}
	}

	/**
	 * A stored fingerprint.
	 *
	 * @param fingerprint the fingerprint
	 * @param inputs the inputs' questions
	 */
	record Stored(String fingerprint, String inputs) {

	}

	@FunctionalInterface
	private interface SqlWork {

		void run() throws SQLException;

	}

}
