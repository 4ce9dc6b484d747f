package io.bootmigrations.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

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
		if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
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
