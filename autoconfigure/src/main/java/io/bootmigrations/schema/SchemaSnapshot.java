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

package io.bootmigrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * The shape of one PostgreSQL schema: tables, columns (type, nullability, default),
 * indexes, primary key, unique, foreign key and check constraints, views and sequences,
 * each keyed by its kind and name ({@code column t_0005.hotfix}) and described by its
 * definition as PostgreSQL prints it.
 * <p>
 * Read from the catalog rather than Liquibase's snapshot, which has no check constraints
 * and compares columns and indexes in ways that depend on the database's name. The
 * definitions are printed with the schema on the {@code search_path}, so two schemas of
 * the same shape in different databases have equal snapshots.
 */
public final class SchemaSnapshot {

	private static final String TABLES = """
			SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p')""";

	private static final String COLUMNS = """
			SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull,
			pg_get_expr(d.adbin, d.adrelid), a.attidentity, a.attgenerated
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped""";

	private static final String CONSTRAINTS = """
			SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
			FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND k.contype IN ('p', 'u', 'f', 'c', 'x')""";

	private static final String INDEXES = """
			SELECT t.relname, i.relname, pg_get_indexdef(i.oid)
			FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
			JOIN pg_namespace n ON n.oid = t.relnamespace
			WHERE n.nspname = ? AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid
			AND k.contype IN ('p', 'u', 'x'))""";

	private static final String VIEWS = """
			SELECT c.relname, c.relkind, pg_get_viewdef(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = ? AND c.relkind IN ('v', 'm')""";

	private static final String SEQUENCES = """
			SELECT sequencename, data_type::text, start_value, increment_by, min_value, max_value, cycle
			FROM pg_sequences WHERE schemaname = ?""";

	private final String schema;

	private final Map<SchemaObject, String> objects;

	SchemaSnapshot(String schema, Map<SchemaObject, String> objects) {
		this.schema = schema;
		this.objects = Collections.unmodifiableMap(new TreeMap<>(objects));
	}

	/**
	 * Read the snapshot of a schema. Leaves the connection as it found it.
	 * @param connection a connection to the database
	 * @param schema the schema, {@code public} for instance
	 * @param filter which objects to leave out
	 * @return the snapshot
	 * @throws SQLException if the catalog could not be read
	 */
	public static SchemaSnapshot of(Connection connection, String schema, ObjectFilter filter) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		if (DatabaseDriver.fromProductName(product) != DatabaseDriver.POSTGRESQL) {
			throw new UnsupportedOperationException(
					"Schema snapshots support PostgreSQL only; this database is " + product + ".");
		}
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			try (Statement statement = connection.createStatement()) {
				// definitions then omit the schema, whatever the database is called
				statement.execute("SET LOCAL search_path TO " + quote(schema));
			}
			Map<SchemaObject, String> objects = new TreeMap<>();
			Reader reader = new Reader(connection, schema, filter, objects);
			reader.read(TABLES, (rs) -> reader.put(rs.getString(1), "table", rs.getString(1), ""));
			reader.read(COLUMNS, (rs) -> reader.put(rs.getString(1), "column", rs.getString(1) + "." + rs.getString(2),
					column(rs.getString(3), rs.getBoolean(4), rs.getString(5), rs.getString(6), rs.getString(7))));
			reader.read(CONSTRAINTS, (rs) -> reader.put(rs.getString(1), constraintKind(rs.getString(3)),
					rs.getString(1) + "." + rs.getString(2), rs.getString(4)));
			reader.read(INDEXES, (rs) -> reader.put(rs.getString(1), "index", rs.getString(1) + "." + rs.getString(2),
					rs.getString(3)));
			reader.read(VIEWS,
					(rs) -> reader.put(rs.getString(1), "m".equals(rs.getString(2)) ? "materialized view" : "view",
							rs.getString(1), rs.getString(3).replaceAll("\\s+", " ").strip()));
			reader.read(SEQUENCES,
					(rs) -> reader.put(rs.getString(1), "sequence", rs.getString(1),
							rs.getString(2) + " start " + rs.getLong(3) + " increment " + rs.getLong(4) + " min "
									+ rs.getLong(5) + " max " + rs.getLong(6) + (rs.getBoolean(7) ? " cycle" : "")));
			return new SchemaSnapshot(schema, objects);
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * The schema this is a snapshot of.
	 * @return the schema name
	 */
	public String schema() {
		return this.schema;
	}

	/**
	 * Every object with its definition.
	 * @return the objects, sorted by kind and name
	 */
	public Map<SchemaObject, String> objects() {
		return this.objects;
	}

	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static String constraintKind(String contype) {
		return switch (contype) {
			case "p" -> "primary key";
			case "u" -> "unique constraint";
			case "f" -> "foreign key";
			case "x" -> "exclusion constraint";
			default -> "check constraint";
		};
	}

	private static String column(String type, boolean notNull, @Nullable String defaultValue, @Nullable String identity,
			@Nullable String generated) {
		StringBuilder definition = new StringBuilder(type);
		if (notNull) {
			definition.append(" not null");
		}
		if ("a".equals(identity) || "d".equals(identity)) {
			definition.append(" generated ")
				.append("a".equals(identity) ? "always" : "by default")
				.append(" as identity");
		}
		else if (defaultValue != null) {
			definition.append("s".equals(generated) ? " generated always as " : " default ").append(defaultValue);
		}
		return definition.toString();
	}

	private record Reader(Connection connection, String schema, ObjectFilter filter,
			Map<SchemaObject, String> objects) {

		void read(String sql, RowHandler handler) throws SQLException {
			try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
				statement.setString(1, this.schema);
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						handler.handle(rs);
					}
				}
			}
		}

		void put(String relation, String kind, String name, String definition) {
			if (this.filter.includes(relation, name)) {
				this.objects.put(new SchemaObject(kind, name), definition);
			}
		}

	}

	@FunctionalInterface
	private interface RowHandler {

		void handle(ResultSet rs) throws SQLException;

	}

}
