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

import liquibase.change.AbstractSQLChange;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.database.core.MariaDBDatabase;
import liquibase.database.core.MySQLDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.bootmigrations.engine.Rollbacks;
import io.bootmigrations.lint.SqlScript.Statement;
import io.bootmigrations.lint.StatementRules.Hit;

/**
 * Lints changesets in changelog order. Every change is looked at as SQL: a {@code sql} or
 * {@code sqlFile} change as written, any other change as the SQL Liquibase generates for
 * it on this database ({@link SqlGeneratorFactory}). One set of statement rules then
 * covers both, and the rules see exactly what will run (a {@code validate="false"}
 * foreign key really is {@code NOT VALID}, an {@code addColumn} really carries its
 * default).
 */
final class ChangeSetLinter {

	private static final Log logger = LogFactory.getLog(ChangeSetLinter.class);

	private final Database database;

	private final StatementRules rules;

	private final ChangeSetLines lines = new ChangeSetLines();

	ChangeSetLinter(Database database, StatementRules.Tables tables) {
		this.database = database;
		this.rules = new StatementRules(tables, database instanceof PostgresDatabase);
	}

	List<Finding> lint(ChangeSet changeSet) {
		Finding.Location location = new Finding.Location(changeSet.getId(), changeSet.getAuthor(),
				changeSet.getFilePath(), this.lines.line(changeSet));
		Suppressions suppressions = Suppressions.of(changeSet.getComments());
		List<Finding> findings = new ArrayList<>();
		int ddl = 0;
		for (Change change : changeSet.getChanges()) {
			for (Statement statement : statements(change)) {
				if (isDdl(statement)) {
					ddl++;
				}
				for (Hit hit : this.rules.check(statement)) {
					if (hit.rule() == LintRule.CONCURRENTLY_IN_TRANSACTION && !changeSet.isRunInTransaction()) {
						continue;
					}
					findings.add(finding(hit.rule(), location, hit.subject(), statement.summary()));
				}
			}
		}
		boolean mariaDb = this.database instanceof MariaDBDatabase || this.database instanceof MySQLDatabase;
		if (mariaDb && ddl > 1) {
			findings.add(finding(LintRule.MARIADB_MULTIPLE_DDL, location, String.valueOf(ddl), null));
		}
		String noRollback = Rollbacks.whyImpossible(changeSet, this.database);
		if (noRollback != null) {
			findings.add(finding(LintRule.NO_ROLLBACK, location, noRollback, null));
		}
		List<Finding> result = new ArrayList<>();
		for (Finding finding : findings) {
			String reason = suppressions.reason(finding.rule());
			result.add((reason != null) ? finding.suppressed(reason) : finding);
		}
		suppressions.withoutReason()
			.forEach((id) -> result
				.add(finding(LintRule.INVALID_LINT_IGNORE, location, id + " (no reason given)", null)));
		suppressions.unknown()
			.forEach((id) -> result.add(finding(LintRule.INVALID_LINT_IGNORE, location, id + " (no such rule)", null)));
		return result;
	}

	private List<Statement> statements(Change change) {
		if (change instanceof AbstractSQLChange sqlChange) {
			String sql = sqlChange.getSql();
			return (sql != null) ? SqlScript.statements(sql) : List.of();
		}
		List<Statement> statements = new ArrayList<>();
		try {
			for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, this.database)) {
				statements.addAll(SqlScript.statements(sql.toSql()));
			}
		}
		catch (Exception ex) {
			logger.debug("Lint: no SQL for " + change.getSerializedObjectName() + ", not checked", ex);
		}
		return statements;
	}

	private static boolean isDdl(Statement statement) {
		String first = statement.tokens().get(0);
		return first.equals("CREATE") || first.equals("ALTER") || first.equals("DROP") || first.equals("RENAME")
				|| first.equals("TRUNCATE");
	}

	static Finding finding(LintRule rule, Finding.Location location, String subject,
			@org.jspecify.annotations.Nullable String statement) {
		return new Finding(rule, location, rule.problem(subject), rule.alternative(), statement, null);
	}

}
