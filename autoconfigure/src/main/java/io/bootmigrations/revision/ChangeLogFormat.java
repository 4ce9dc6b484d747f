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

package io.bootmigrations.revision;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The changelog formats a revision can be written in: the template of a new changeset and
 * the line that includes a file in a master changelog of the format.
 */
enum ChangeLogFormat {

	/** YAML changelog. */
	YAML("yaml") {

		@Override
		String template(String id, String author, String message) {
			return "databaseChangeLog:\n" + "  - changeSet:\n" + "      id: " + quoted(id) + "\n" + "      author: "
					+ quoted(author) + "\n" + "      comment: " + quoted(message) + "\n"
					+ "      # the change, for example:\n" + "      #   - addColumn:\n"
					+ "      #       tableName: customer\n" + "      #       columns:\n"
					+ "      #         - column: {name: email, type: varchar(255)}\n" + "      changes: []\n"
					+ "      # how to undo it, for example:\n"
					+ "      #   - dropColumn: {tableName: customer, columnName: email}\n" + "      rollback: []\n";
		}

		@Override
		String include(String master, String path) {
			String indent = "  ";
			for (String line : master.split("\n")) {
				String stripped = line.stripLeading();
				if (stripped.startsWith("- ")) {
					indent = line.substring(0, line.length() - stripped.length());
					break;
				}
			}
			String entry = indent + "- include:\n" + indent + "    file: " + quoted(path) + "\n" + indent
					+ "    relativeToChangelogFile: true\n";
			return (master.endsWith("\n") ? master : master + "\n") + entry;
		}

		private static String quoted(String value) {
			return "'" + value.replace("'", "''") + "'";
		}

	},

	/** XML changelog. */
	XML("xml") {

		@Override
		String template(String id, String author, String message) {
			return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
					+ "<databaseChangeLog xmlns=\"http://www.liquibase.org/xml/ns/dbchangelog\"\n"
					+ "\t\txmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
					+ "\t\txsi:schemaLocation=\"http://www.liquibase.org/xml/ns/dbchangelog "
					+ "https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd\">\n\n"
					+ "\t<changeSet id=\"" + escape(id) + "\" author=\"" + escape(author) + "\">\n" + "\t\t<comment>"
					+ escape(message) + "</comment>\n" + "\t\t<!-- the change, for example:\n"
					+ "\t\t<addColumn tableName=\"customer\"><column name=\"email\" type=\"varchar(255)\"/></addColumn> -->\n"
					+ "\t\t<rollback>\n"
					+ "\t\t\t<!-- how to undo it, for example: <dropColumn tableName=\"customer\" columnName=\"email\"/> -->\n"
					+ "\t\t</rollback>\n" + "\t</changeSet>\n\n" + "</databaseChangeLog>\n";
		}

		@Override
		@Nullable String include(String master, String path) {
			int end = master.lastIndexOf("</databaseChangeLog>");
			if (end < 0) {
				return null;
			}
			int lineStart = master.lastIndexOf('\n', end) + 1;
			String before = master.substring(0, lineStart);
			String indent = before.contains("\t<") ? "\t" : "    ";
			return before + indent + "<include file=\"" + escape(path) + "\" relativeToChangelogFile=\"true\"/>\n"
					+ master.substring(lineStart);
		}

		private static String escape(String value) {
			return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
		}

	},

	/** Formatted SQL changelog. */
	SQL("sql") {

		@Override
		String template(String id, String author, String message) {
			return "--liquibase formatted sql\n\n" + "--changeset " + author.replace(' ', '_') + ":" + id + "\n"
					+ "--comment: " + message.replace('\n', ' ') + "\n"
					+ "-- the change, for example: ALTER TABLE customer ADD COLUMN email VARCHAR(255);\n"
					+ "SELECT 1;\n"
					+ "--rollback -- how to undo it, for example: ALTER TABLE customer DROP COLUMN email;\n"
					+ "--rollback SELECT 1;\n";
		}

		@Override
		@Nullable String include(String master, String path) {
			// "--include" in a formatted SQL changelog needs a Liquibase Pro licence
			return null;
		}

	};

	private final String extension;

	ChangeLogFormat(String extension) {
		this.extension = extension;
	}

	String extension() {
		return this.extension;
	}

	/**
	 * A new changelog file with one changeset to fill in.
	 */
	abstract String template(String id, String author, String message);

	/**
	 * The master changelog with an include of {@code path} appended, or {@code null} if
	 * the master's text has no place for one.
	 */
	abstract @Nullable String include(String master, String path);

	static @Nullable ChangeLogFormat of(String fileName) {
		String name = fileName.toLowerCase(Locale.ROOT);
		if (name.endsWith(".yaml") || name.endsWith(".yml")) {
			return YAML;
		}
		if (name.endsWith(".xml")) {
			return XML;
		}
		if (name.endsWith(".sql")) {
			return SQL;
		}
		return null;
	}

}
