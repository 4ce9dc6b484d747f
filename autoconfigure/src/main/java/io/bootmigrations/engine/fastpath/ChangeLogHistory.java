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

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

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
		List<ChangeSetInfo> applied = new ArrayList<>();
		MessageDigest digest = Inputs.sha256();
		try (PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet rows = statement.executeQuery()) {
			int columns = rows.getMetaData().getColumnCount();
			while (rows.next()) {
				Timestamp executed = rows.getTimestamp(5);
				applied
					.add(new ChangeSetInfo(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
							(executed != null) ? executed.toInstant() : null, rows.getString(6), rows.getString(8)));
				for (int column = 1; column <= columns; column++) {
					Hashing.update(digest, rows.getString(column));
				}
				Hashing.update(digest, "row");
			}
		}
		return new ChangeLogHistory(applied, Inputs.hex(digest.digest()));
	}

}
