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

package io.bootmigrations.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.lint.SqlScript.Statement;

/**
 * The rules that look at one SQL statement, whether Liquibase generated it from a change
 * or a {@code sql} change holds it. Knows which tables exist before the deploy and which
 * the deploy creates, since a new table is empty and no release uses it yet.
 */
final class StatementRules {

	private static final Set<String> VOLATILE_FUNCTIONS = Set.of("RANDOM", "GEN_RANDOM_UUID", "UUID_GENERATE_V1",
			"UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "UUIDV7", "UUIDV4", "CLOCK_TIMESTAMP", "TIMEOFDAY", "NEXTVAL",
			"STATEMENT_TIMESTAMP", "TXID_CURRENT", "SETSEED");

	private static final Set<String> SERIAL_TYPES = Set.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL4", "SERIAL8",
			"SERIAL2");

	private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("NOT", "NULL", "CONSTRAINT", "CHECK", "UNIQUE",
			"PRIMARY", "REFERENCES", "GENERATED", "COLLATE");

	private final Tables tables;

	private final boolean postgres;

	StatementRules(Tables tables, boolean postgres) {
		this.tables = tables;
		this.postgres = postgres;
	}

	/**
	 * Check a statement and record what it creates.
	 * @param statement the statement
	 * @return the rules it breaks, each with its subject
	 */
	List<Hit> check(Statement statement) {
		List<Hit> hits = new ArrayList<>();
		if (statement.startsWith("CREATE", "TABLE") || statement.startsWith("CREATE", "UNLOGGED", "TABLE")) {
			int at = statement.indexOf(0, "TABLE") + 1;
			at = skip(statement, at, "IF", "NOT", "EXISTS");
			Name name = name(statement, at);
			if (name != null) {
				this.tables.created(name.value);
			}
		}
		else if (statement.startsWith("CREATE", "INDEX") || statement.startsWith("CREATE", "UNIQUE", "INDEX")) {
			createIndex(statement, hits);
		}
		else if (statement.startsWith("ALTER", "TABLE")) {
			alterTable(statement, hits);
		}
		else if (statement.startsWith("DROP", "TABLE")) {
			int at = skip(statement, 2, "IF", "EXISTS");
			for (List<String> part : split(
					statement.tokens().subList(Math.min(at, statement.tokens().size()), statement.tokens().size()))) {
				if (!part.isEmpty() && isName(part.get(0))) {
					String table = tableName(part);
					if (this.tables.existedBefore(table)) {
						hits.add(new Hit(LintRule.DROP_TABLE, table));
					}
					this.tables.dropped(table);
				}
			}
		}
		return hits.stream().filter((hit) -> this.postgres || !hit.rule.postgresOnly()).toList();
	}

	private void createIndex(Statement statement, List<Hit> hits) {
		int on = statement.indexOf(0, "ON");
		if (on < 0) {
			return;
		}
		Name table = name(statement, skip(statement, on + 1, "ONLY"));
		if (table == null) {
			return;
		}
		if (statement.contains("CONCURRENTLY")) {
			hits.add(new Hit(LintRule.CONCURRENTLY_IN_TRANSACTION, table.value));
		}
		else if (this.tables.existedBefore(table.value)) {
			hits.add(new Hit(LintRule.INDEX_NOT_CONCURRENT, table.value));
		}
	}

	private void alterTable(Statement statement, List<Hit> hits) {
		int at = skip(statement, 2, "IF", "EXISTS");
		at = skip(statement, at, "ONLY");
		Name table = name(statement, at);
		if (table == null) {
			return;
		}
		boolean existed = this.tables.existedBefore(table.value);
		for (List<String> action : split(statement.tokens().subList(table.next, statement.tokens().size()))) {
			if (action.isEmpty()) {
				continue;
			}
			String verb = action.get(0);
			if (verb.equals("RENAME")) {
				rename(action, table.value, existed, hits);
			}
			else if (existed) {
				switch (verb) {
					case "ADD" -> add(action, table.value, hits);
					case "ALTER", "MODIFY", "CHANGE" -> alterColumn(action, table.value, hits);
					case "DROP" -> {
						if (!action.contains("CONSTRAINT") && !action.contains("INDEX") && !action.contains("DEFAULT")
								&& !action.contains("KEY")) {
							hits.add(new Hit(LintRule.DROP_COLUMN, table.value));
						}
					}
					default -> {
					}
				}
			}
		}
	}

	private void rename(List<String> action, String table, boolean existed, List<Hit> hits) {
		if (!existed || action.contains("CONSTRAINT") || action.contains("INDEX")) {
			return;
		}
		if (action.size() > 1 && action.get(1).equals("TO")) {
			hits.add(new Hit(LintRule.RENAME_TABLE, table));
		}
		else {
			hits.add(new Hit(LintRule.RENAME_COLUMN, table));
		}
	}

	private void add(List<String> action, String table, List<Hit> hits) {
		int at = 1;
		if (at < action.size() && action.get(at).equals("COLUMN")) {
			at++;
		}
		if (action.size() >= at + 3 && action.subList(at, at + 3).equals(List.of("IF", "NOT", "EXISTS"))) {
			at += 3;
		}
		if (at >= action.size()) {
			return;
		}
		String first = action.get(at);
		if (first.equals("CONSTRAINT") || Set.of("CHECK", "FOREIGN", "UNIQUE", "PRIMARY").contains(first)) {
			constraint(action, table, hits);
			return;
		}
		List<String> definition = action.subList(at, action.size());
		boolean hasDefault = definition.contains("DEFAULT");
		boolean generated = definition.contains("GENERATED") || definition.contains("AUTO_INCREMENT");
		if (generated || (definition.size() > 1 && SERIAL_TYPES.contains(definition.get(1)))
				|| hasDefault && isVolatile(defaultExpression(definition))) {
			hits.add(new Hit(LintRule.ADD_COLUMN_VOLATILE_DEFAULT, table));
		}
		if (!hasDefault && !generated && containsSequence(definition, "NOT", "NULL")) {
			hits.add(new Hit(LintRule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, table));
		}
		if (definition.contains("REFERENCES")) {
			hits.add(new Hit(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, table));
		}
		if (definition.contains("UNIQUE") || containsSequence(definition, "PRIMARY", "KEY")) {
			hits.add(new Hit(LintRule.UNIQUE_WITHOUT_INDEX, table));
		}
	}

	private void constraint(List<String> action, String table, List<Hit> hits) {
		boolean notValid = containsSequence(action, "NOT", "VALID");
		if ((action.contains("FOREIGN") || action.contains("CHECK")) && !notValid) {
			hits.add(new Hit(LintRule.CONSTRAINT_WITHOUT_NOT_VALID, table));
		}
		if ((action.contains("UNIQUE") || action.contains("PRIMARY")) && !containsSequence(action, "USING", "INDEX")) {
			hits.add(new Hit(LintRule.UNIQUE_WITHOUT_INDEX, table));
		}
	}

	private void alterColumn(List<String> action, String table, List<Hit> hits) {
		if (action.get(0).equals("MODIFY") || action.get(0).equals("CHANGE")) {
			hits.add(new Hit(LintRule.COLUMN_TYPE_REWRITE, table));
			return;
		}
		int at = (action.size() > 1 && action.get(1).equals("COLUMN")) ? 3 : 2;
		List<String> rest = action.subList(Math.min(at, action.size()), action.size());
		if (rest.equals(List.of("SET", "NOT", "NULL"))) {
			hits.add(new Hit(LintRule.NOT_NULL_ON_EXISTING_COLUMN, table));
		}
		else if (!rest.isEmpty() && rest.get(0).equals("TYPE") || containsSequence(rest, "SET", "DATA", "TYPE")) {
			hits.add(new Hit(LintRule.COLUMN_TYPE_REWRITE, table));
		}
	}

	private static List<String> defaultExpression(List<String> definition) {
		int start = definition.indexOf("DEFAULT") + 1;
		int end = start;
		int depth = 0;
		while (end < definition.size()) {
			String token = definition.get(end);
			if (depth == 0 && COLUMN_CONSTRAINT_START.contains(token)) {
				break;
			}
			depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
			end++;
		}
		return definition.subList(start, end);
	}

	private static boolean isVolatile(List<String> expression) {
		for (int i = 0; i < expression.size() - 1; i++) {
			String function = expression.get(i);
			int dot = function.lastIndexOf('.');
			if (expression.get(i + 1).equals("(")
					&& VOLATILE_FUNCTIONS.contains((dot >= 0) ? function.substring(dot + 1) : function)) {
				return true;
			}
		}
		return false;
	}

	private static boolean containsSequence(List<String> tokens, String... words) {
		return java.util.Collections.indexOfSubList(tokens, List.of(words)) >= 0;
	}

	/** Split at top-level commas. */
	private static List<List<String>> split(List<String> tokens) {
		List<List<String>> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < tokens.size(); i++) {
			String token = tokens.get(i);
			depth += token.equals("(") ? 1 : token.equals(")") ? -1 : 0;
			if (depth == 0 && token.equals(",")) {
				parts.add(tokens.subList(start, i));
				start = i + 1;
			}
		}
		parts.add(tokens.subList(start, tokens.size()));
		return parts;
	}

	private static int skip(Statement statement, int at, String... words) {
		return statement.matchesAt(at, words) ? at + words.length : at;
	}

	/**
	 * A possibly qualified name at {@code at}: {@code a.b}, {@code "A"."B"} or
	 * {@code `a`}.
	 */
	private static @Nullable Name name(Statement statement, int at) {
		List<String> tokens = statement.tokens();
		if (at >= tokens.size() || !isName(tokens.get(at))) {
			return null;
		}
		int end = at + 1;
		while (end + 1 < tokens.size() && tokens.get(end).equals(".")) {
			end += 2;
		}
		return new Name(tableName(tokens.subList(at, end)), end);
	}

	private static String tableName(List<String> tokens) {
		int end = 1;
		while (end + 1 < tokens.size() && tokens.get(end).equals(".")) {
			end += 2;
		}
		String last = tokens.get(end - 1);
		int dot = last.lastIndexOf('.');
		String name = (dot >= 0) ? last.substring(dot + 1) : last;
		return name.replace("`", "").toLowerCase(Locale.ROOT);
	}

	private static boolean isName(String token) {
		return !token.isEmpty()
				&& (Character.isLetter(token.charAt(0)) || token.charAt(0) == '_' || token.charAt(0) == '`');
	}

	private record Name(String value, int next) {
	}

	/**
	 * A rule broken by a statement.
	 *
	 * @param rule the rule
	 * @param subject the table (or the index) concerned
	 */
	record Hit(LintRule rule, String subject) {
	}

	/**
	 * Which tables existed before the deploy, and which the changesets linted so far
	 * create.
	 */
	static final class Tables {

		private final @Nullable Set<String> existing;

		private final Set<String> created = new java.util.HashSet<>();

		/**
		 * Tables as found in the database.
		 * @param existing lower-case names of the tables that exist now, or {@code null}
		 * to take every table not created by a linted changeset as existing
		 */
		Tables(@Nullable Set<String> existing) {
			this.existing = existing;
		}

		boolean existedBefore(String table) {
			String name = table.toLowerCase(Locale.ROOT);
			return !this.created.contains(name) && (this.existing == null || this.existing.contains(name));
		}

		void created(String table) {
			this.created.add(table.toLowerCase(Locale.ROOT));
		}

		void dropped(String table) {
			this.created.remove(table.toLowerCase(Locale.ROOT));
		}

	}

}
