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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bootmigrations.engine.ChangeSetInfo;

/**
 * Every row of {@code DATABASECHANGELOG}, read in one query: the applied changesets for
 * the status, and a digest of every column of every row for the fingerprint, so that any
 * change to the table by anyone (a new, deleted or edited row, a cleared checksum)
 * changes the digest.
 *
 * @param applied the applied changesets, in execution order, with their exec type
 * @param digest the digest of all rows
 */
public record ChangeLogHistory(List<ChangeSetInfo> applied, String digest) {

	private static final String COLUMNS = "ID, AUTHOR, FILENAME, DESCRIPTION, DATEEXECUTED, TAG, ORDEREXECUTED, "
			+ "EXECTYPE, MD5SUM, COMMENTS, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID";

	public ChangeLogHistory {
		applied = List.copyOf(applied);
	}

	/**
	 * Read every row of the history table: the one reader of {@code DATABASECHANGELOG},
	 * for the status, the operations, the fast path and the drift check. Plain JDBC, no
	 * Liquibase class.
	 * @param connection the connection
	 * @param table the table name as it goes into SQL (qualified and quoted as needed)
	 * @return the history
	 * @throws SQLException if the table cannot be read
	 */
	public static ChangeLogHistory read(Connection connection, String table) throws SQLException {
		String sql = "SELECT " + COLUMNS + " FROM " + table
				+ " ORDER BY ORDEREXECUTED, DATEEXECUTED, ID, AUTHOR, FILENAME";
		Rows rows = new Rows();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				rows.add(result, 1, columns);
			}
		}
		return rows.history();
	}

	/**
	 * Read every row of several history tables of one database in one query (a
	 * {@code UNION ALL} of them), each digested exactly as {@link #read} digests it: the
	 * tenant schemas of a target, checked together on a no-op boot.
	 * @param connection the connection
	 * @param tables the tables by the caller's key, each as it goes into SQL
	 * @return the history of each table by key
	 * @throws SQLException if one of the tables cannot be read
	 */
	public static Map<String, ChangeLogHistory> readAll(Connection connection, Map<String, String> tables)
			throws SQLException {
		List<String> keys = new ArrayList<>(tables.keySet());
		if (keys.isEmpty()) {
			return Map.of();
		}
		StringBuilder sql = new StringBuilder();
		for (int i = 0; i < keys.size(); i++) {
			sql.append((i > 0) ? " UNION ALL " : "")
				.append("SELECT ")
				.append(i)
				.append(" AS HISTORY_KEY, ")
				.append(COLUMNS)
				.append(" FROM ")
				.append(tables.get(keys.get(i)));
		}
		// the key, then ORDEREXECUTED, DATEEXECUTED, ID, AUTHOR, FILENAME as in read
		sql.append(" ORDER BY 1, 8, 6, 2, 3, 4");
		List<Rows> rows = new ArrayList<>();
		keys.forEach((key) -> rows.add(new Rows()));
		try (PreparedStatement statement = connection.prepareStatement(sql.toString());
				ResultSet result = statement.executeQuery()) {
			int columns = result.getMetaData().getColumnCount();
			while (result.next()) {
				rows.get(result.getInt(1)).add(result, 2, columns);
			}
		}
		Map<String, ChangeLogHistory> histories = new LinkedHashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			histories.put(keys.get(i), rows.get(i).history());
		}
		return histories;
	}

	/**
	 * The rows of one history table as they are read: the applied changesets and the
	 * digest of every column.
	 */
	private static final class Rows {

		private final List<ChangeSetInfo> applied = new ArrayList<>();

		private final MessageDigest digest = Inputs.sha256();

		void add(ResultSet rows, int first, int last) throws SQLException {
			Timestamp executed = rows.getTimestamp(first + 4);
			this.applied
				.add(new ChangeSetInfo(rows.getString(first), rows.getString(first + 1), rows.getString(first + 2),
						rows.getString(first + 3), (executed != null) ? executed.toInstant() : null,
						rows.getString(first + 5), rows.getString(first + 7)));
			// one update a row, each value length-prefixed so that no two rows give the
			// same text
			StringBuilder row = new StringBuilder(256);
			for (int column = first; column <= last; column++) {
				String value = rows.getString(column);
				if (value == null) {
					row.append('-');
				}
				else {
					row.append(value.length()).append(':').append(value);
				}
			}
			this.digest.update(row.append('\n').toString().getBytes(StandardCharsets.UTF_8));
		}

		ChangeLogHistory history() {
			return new ChangeLogHistory(this.applied, Inputs.hex(this.digest.digest()));
		}

	}

}
