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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Indexes PostgreSQL marks invalid: left by a {@code CREATE INDEX CONCURRENTLY} that
 * failed or was killed (or one being built right now). Writes keep maintaining such an
 * index, no query uses it, and a changeset that builds it again with
 * {@code IF NOT EXISTS} silently keeps the broken one.
 */
public final class InvalidIndexes {

	private static final String QUERY = """
			SELECT n.nspname, c.relname, t.relname FROM pg_index i
			JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE NOT i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			ORDER BY 1, 2""";

	private InvalidIndexes() {
	}

	/**
	 * The invalid indexes of the database.
	 * @param connection a connection
	 * @return {@code schema.index on table}, empty on a database other than PostgreSQL
	 * @throws SQLException if the catalog cannot be read
	 */
	public static List<String> find(Connection connection) throws SQLException {
		if (DatabaseDriver
			.fromProductName(connection.getMetaData().getDatabaseProductName()) != DatabaseDriver.POSTGRESQL) {
			return List.of();
		}
		List<String> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(QUERY);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				indexes.add(rows.getString(1) + "." + rows.getString(2) + " on " + rows.getString(3));
			}
		}
		return indexes;
	}

	static List<String> warnings(Connection connection) throws SQLException {
		return find(connection).stream()
			.map((index) -> "Index " + index + " is INVALID (left by a failed or killed CREATE INDEX "
					+ "CONCURRENTLY, or being built right now): drop it with DROP INDEX CONCURRENTLY and build it "
					+ "again")
			.toList();
	}

}
