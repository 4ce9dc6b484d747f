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

package io.bootmigrations.targets;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Tenant schema names: read by a query, checked to be plain identifiers (a name that
 * would need quoting is refused, so that the schema, its history table and every
 * changeset's unquoted SQL mean the same object), and created when missing.
 */
final class TenantSchemas {

	private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private TenantSchemas() {
	}

	/**
	 * The first problem among schema names, checked together: one query on PostgreSQL for
	 * all of them, not one each.
	 * @param connection a connection to the target's database
	 * @param names the names
	 * @return the first bad name and its problem, or {@code null} when all are fine
	 * @throws SQLException if the database cannot be asked
	 */
	static String @Nullable [] firstProblem(Connection connection, List<String> names) throws SQLException {
		for (String name : names) {
			String problem = problem(null, name);
			if (problem != null) {
				return new String[] { name, problem };
			}
		}
		if (names.isEmpty() || !isPostgres(connection)) {
			return null;
		}
		try (PreparedStatement quote = connection
			.prepareStatement("SELECT name, quote_ident(name) FROM unnest(?) AS names(name)")) {
			quote.setArray(1, connection.createArrayOf("text", names.toArray()));
			try (ResultSet result = quote.executeQuery()) {
				while (result.next()) {
					if (!result.getString(1).equals(result.getString(2))) {
						return new String[] { result.getString(1), "schema name '" + result.getString(1)
								+ "' needs quoting (a reserved word in PostgreSQL)" };
					}
				}
			}
		}
		return null;
	}

	/**
	 * The schemas of the database, lower case: one query instead of one per tenant.
	 * @param connection the connection
	 * @return the schema names
	 * @throws SQLException if they cannot be read
	 */
	static Set<String> existing(Connection connection) throws SQLException {
		Set<String> names = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT schema_name FROM information_schema.schemata")) {
			while (result.next()) {
				names.add(result.getString(1).toLowerCase(Locale.ROOT));
			}
		}
		return names;
	}

	/**
	 * Why a name cannot be a tenant schema, or {@code null} when it can.
	 * @param connection a connection to the target, to ask PostgreSQL whether it would
	 * quote the name (reserved words), or {@code null}
	 * @param name the schema name
	 * @return the reason, or {@code null}
	 */
	static @Nullable String problem(@Nullable Connection connection, @Nullable String name) throws SQLException {
		if (name == null || name.isBlank()) {
			return "a schema name is empty";
		}
		if (!PLAIN.matcher(name).matches()) {
			return "schema name '" + name + "' needs quoting: use lower-case letters, digits and '_' only, "
					+ "starting with a letter or '_', at most 63 characters";
		}
		if (connection != null && isPostgres(connection)) {
			try (PreparedStatement quote = connection.prepareStatement("SELECT quote_ident(?)")) {
				quote.setString(1, name);
				try (ResultSet result = quote.executeQuery()) {
					result.next();
					if (!name.equals(result.getString(1))) {
						return "schema name '" + name + "' needs quoting (a reserved word in PostgreSQL)";
					}
				}
			}
		}
		return null;
	}

	static List<String> query(Connection connection, String sql) throws SQLException {
		List<String> names = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	static @Nullable String duplicate(List<String> names) {
		Set<String> seen = new LinkedHashSet<>();
		for (String name : names) {
			if (!seen.add(name)) {
				return name;
			}
		}
		return null;
	}

	static boolean exists(Connection connection, String schema) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM information_schema.schemata WHERE lower(schema_name) = ?")) {
			statement.setString(1, schema.toLowerCase(Locale.ROOT));
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
	}

	/**
	 * Create the schema if it does not exist; the name was checked to be a plain
	 * identifier before.
	 */
	static void create(Connection connection, String schema) throws SQLException {
		if (!PLAIN.matcher(schema).matches()) {
			throw new IllegalArgumentException("Not a plain identifier: " + schema);
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
	}

	private static boolean isPostgres(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
	}

}
