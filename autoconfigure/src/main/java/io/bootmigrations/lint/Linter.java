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

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.core.PostgresDatabase;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.InvalidIndexes;

/**
 * Lints changesets against what the database holds now: which tables exist (a table the
 * same deploy creates is new, empty and unused, so nothing on it is risky) and which
 * indexes a killed concurrent build left invalid.
 */
public final class Linter {

	private final Map<String, String> suppressed;

	/**
	 * Create a linter.
	 * @param suppressed rule ids suppressed for every changeset, with the reason
	 * @throws IllegalArgumentException if a rule id is unknown or a reason is blank
	 */
	public Linter(Map<String, String> suppressed) {
		for (Map.Entry<String, String> entry : suppressed.entrySet()) {
			if (LintRule.of(entry.getKey()) == null) {
				throw new IllegalArgumentException("Unknown lint rule '" + entry.getKey()
						+ "' in migrations.lint.suppress; the rules are: " + ruleIds());
			}
			if (entry.getValue() == null || entry.getValue().isBlank()) {
				throw new IllegalArgumentException("migrations.lint.suppress." + entry.getKey()
						+ " needs the reason as its value, for example migrations.lint.suppress." + entry.getKey()
						+ "=tables here are small");
			}
		}
		this.suppressed = new LinkedHashMap<>(suppressed);
	}

	/**
	 * Lint changesets on a connected database.
	 * @param connection the connection, to read the catalog
	 * @param database Liquibase's view of the same database
	 * @param changeSets the changesets to lint, in changelog order
	 * @param scope what the changesets are ({@code pending} or {@code all}); with
	 * {@code all}, every table a linted changeset does not create counts as existing,
	 * since the catalog also holds tables that earlier changesets created when they were
	 * new
	 * @return the report
	 * @throws SQLException if the catalog cannot be read
	 */
	public LintReport lint(Connection connection, Database database, List<ChangeSet> changeSets, String scope)
			throws SQLException {
		Set<String> existing = "all".equals(scope) ? null : existingTables(connection,
				(database.getDefaultSchemaName() != null) ? database.getDefaultSchemaName() : connection.getSchema());
		return lint(database, changeSets, existing, InvalidIndexes.find(connection), scope);
	}

	LintReport lint(Database database, List<ChangeSet> changeSets, @Nullable Set<String> existingTables,
			List<String> invalidIndexes, String scope) {
		ChangeSetLinter linter = new ChangeSetLinter(database, new StatementRules.Tables(existingTables));
		boolean postgres = database instanceof PostgresDatabase;
		List<Finding> findings = new ArrayList<>();
		for (String index : invalidIndexes) {
			findings.add(configured(new Finding(LintRule.INVALID_INDEX, null, LintRule.INVALID_INDEX.problem(index),
					LintRule.INVALID_INDEX.alternative(), null, null)));
		}
		for (ChangeSet changeSet : changeSets) {
			for (Finding finding : linter.lint(changeSet)) {
				if (postgres || !finding.rule().postgresOnly()) {
					findings.add(configured(finding));
				}
			}
		}
		return new LintReport(scope, changeSets.size(), findings);
	}

	private Finding configured(Finding finding) {
		String reason = this.suppressed.get(finding.rule().id());
		return (reason != null && finding.suppressedBecause() == null)
				? finding.suppressed(reason + " (migrations.lint.suppress)") : finding;
	}

	/**
	 * The tables of a schema.
	 * @param connection the connection
	 * @param schema the schema the changesets work in, {@code null} where the database
	 * has none (MariaDB)
	 * @return lower-case table names
	 * @throws SQLException if the catalog cannot be read
	 */
	static Set<String> existingTables(Connection connection, @Nullable String schema) throws SQLException {
		Set<String> tables = new HashSet<>();
		try (ResultSet rows = connection.getMetaData()
			.getTables(connection.getCatalog(), schema, "%", new String[] { "TABLE", "PARTITIONED TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	private static String ruleIds() {
		return String.join(", ", java.util.Arrays.stream(LintRule.values()).map(LintRule::id).toList());
	}

}
