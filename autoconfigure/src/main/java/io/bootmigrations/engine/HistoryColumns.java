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

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationFailure.Kind;

/**
 * Checks, before anything runs, that every pending changeset's id, author and file fit
 * the history table's columns: otherwise the row insert fails after the changeset's
 * changes ran, which on a database without transactional DDL leaves them without their
 * record.
 */
final class HistoryColumns {

	/**
	 * The size of {@code ID}, {@code AUTHOR} and {@code FILENAME} in the table Liquibase
	 * creates.
	 */
	static final int DEFAULT_SIZE = 255;

	private HistoryColumns() {
	}

	static void check(Database database, List<ChangeSet> toRun) throws SQLException {
		int id = DEFAULT_SIZE;
		int author = DEFAULT_SIZE;
		int file = DEFAULT_SIZE;
		if (database.getConnection() instanceof JdbcConnection jdbc) {
			var metaData = jdbc.getUnderlyingConnection().getMetaData();
			String table = database.getDatabaseChangeLogTableName();
			String schema = database.getLiquibaseSchemaName();
			String catalog = database.getLiquibaseCatalogName();
			for (String candidate : List.of(table, table.toLowerCase(Locale.ROOT), table.toUpperCase(Locale.ROOT))) {
				try (ResultSet columns = metaData.getColumns(catalog, schema, candidate, null)) {
					boolean found = false;
					while (columns.next()) {
						found = true;
						int size = columns.getInt("COLUMN_SIZE");
						switch (columns.getString("COLUMN_NAME").toUpperCase(Locale.ROOT)) {
							case "ID" -> id = size;
							case "AUTHOR" -> author = size;
							case "FILENAME" -> file = size;
							default -> {
							}
						}
					}
					if (found) {
						break;
					}
				}
			}
		}
		for (ChangeSet changeSet : toRun) {
			String problem = tooLong("changeset id", changeSet.getId(), id);
			problem = (problem != null) ? problem : tooLong("author", changeSet.getAuthor(), author);
			problem = (problem != null) ? problem : tooLong("file path", changeSet.getFilePath(), file);
			if (problem != null) {
				ChangeSetInfo info = ChangeLogModel.info(changeSet);
				throw new MigrationException(new MigrationFailure(Kind.VALIDATION_FAILED, info, changeSet.getFilePath(),
						"Changeset " + abbreviate(info.id()) + " by " + abbreviate(info.author()) + " ("
								+ abbreviate(info.file()) + ") has " + problem
								+ ": its row in the history table could not be written",
						"Shorten it (for a long path, set logicalFilePath); nothing was applied."), null);
			}
		}
	}

	private static String abbreviate(String value) {
		return (value.length() <= 80) ? value : value.substring(0, 77) + "...";
	}

	private static @Nullable String tooLong(String what, @Nullable String value, int size) {
		if (value == null || size <= 0 || value.length() <= size) {
			return null;
		}
		return "a " + what + " of " + value.length() + " characters, longer than the " + size
				+ " the history table's column holds";
	}

}
