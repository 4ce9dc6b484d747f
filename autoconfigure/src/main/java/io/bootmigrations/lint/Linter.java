package io.bootmigrations.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
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

/**
 * Lints changesets against what the database holds now: which tables exist (a table the
 * same deploy creates is new, empty and unused, so nothing on it is risky) and which
 * indexes a killed concurrent build left invalid.
 */
public final class Linter {

	private static final String INVALID_INDEXES = """
			SELECT n.nspname, c.relname, t.relname FROM pg_index i
			JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
			JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE NOT i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema')
			ORDER BY 1, 2""";

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
	 * {@code all}, every table a linted changeset does not create counts as existing, since
	 * the catalog also holds tables that earlier changesets created when they were new
	 * @return the report
	 * @throws SQLException if the catalog cannot be read
	 */
	public LintReport lint(Connection connection, Database database, List<ChangeSet> changeSets, String scope)
			throws SQLException {
		Set<String> existing = "all".equals(scope) ? null : existingTables(connection);
		return lint(database, changeSets, existing, invalidIndexes(connection, database), scope);
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
	 * The tables of the connection's current schema.
	 * @param connection the connection
	 * @return lower-case table names
	 * @throws SQLException if the catalog cannot be read
	 */
	static Set<String> existingTables(Connection connection) throws SQLException {
		Set<String> tables = new HashSet<>();
		try (ResultSet rows = connection.getMetaData().getTables(connection.getCatalog(), connection.getSchema(), "%",
				new String[] { "TABLE", "PARTITIONED TABLE" })) {
			while (rows.next()) {
				tables.add(rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
			}
		}
		return tables;
	}

	/**
	 * Indexes that PostgreSQL marks invalid: left by a failed or killed
	 * {@code CREATE INDEX CONCURRENTLY}, or being built right now.
	 * @param connection the connection
	 * @param database Liquibase's view of the same database
	 * @return {@code schema.index on table}, empty on other databases
	 * @throws SQLException if the catalog cannot be read
	 */
	public static List<String> invalidIndexes(Connection connection, Database database) throws SQLException {
		if (!(database instanceof PostgresDatabase)) {
			return List.of();
		}
		List<String> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(INVALID_INDEXES);
				ResultSet rows = statement.executeQuery()) {
			while (rows.next()) {
				indexes.add(rows.getString(1) + "." + rows.getString(2) + " on " + rows.getString(3));
			}
		}
		return indexes;
	}

	private static String ruleIds() {
		return String.join(", ", java.util.Arrays.stream(LintRule.values()).map(LintRule::id).toList());
	}

}
