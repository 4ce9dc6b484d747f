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

import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * What the lint checks. The id is what a suppression names; locking rules apply to
 * PostgreSQL only, the rules about breaking the previous release to every database.
 */
public enum LintRule {

	/** {@code CREATE INDEX} without {@code CONCURRENTLY} on an existing table. */
	INDEX_NOT_CONCURRENT("index-not-concurrent", Severity.ERROR, true,
			"CREATE INDEX without CONCURRENTLY takes a SHARE lock on %s: every INSERT, UPDATE and DELETE on it "
					+ "waits until the whole index is built",
			"Build it with CREATE INDEX CONCURRENTLY in a sql change, alone in a changeset with "
					+ "runInTransaction=\"false\""),

	/** {@code SET NOT NULL} on a column of an existing table. */
	NOT_NULL_ON_EXISTING_COLUMN("not-null-on-existing-column", Severity.ERROR, true,
			"SET NOT NULL scans all of %s under an ACCESS EXCLUSIVE lock: no query reads or writes it meanwhile",
			"Add CHECK (column IS NOT NULL) NOT VALID, VALIDATE CONSTRAINT in a later changeset, then SET NOT NULL "
					+ "(PostgreSQL 12+ uses the valid check instead of a scan) and drop the check"),

	/**
	 * A column added with a volatile default (or a serial, identity or stored generated
	 * column).
	 */
	ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.ERROR, true,
			"Adding a column whose value is computed per row rewrites all of %s under an ACCESS EXCLUSIVE lock",
			"Add the column without a default (or with a constant one), set the default in a second statement, and "
					+ "backfill existing rows in batches"),

	/** A {@code NOT NULL} column added without a default. */
	ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default", Severity.ERROR, false,
			"Adding a NOT NULL column without a default to %s fails as soon as the table has a row, and the "
					+ "previous release does not write the column",
			"Add the column nullable or with a constant default, backfill, then make it NOT NULL the safe way"),

	/** A column type change that rewrites the table. */
	COLUMN_TYPE_REWRITE("column-type-rewrite", Severity.ERROR, true,
			"Changing a column's type rewrites %s and its indexes under an ACCESS EXCLUSIVE lock (only widening a "
					+ "varchar or varchar to text is free)",
			"Expand/contract: add a column of the new type, write both, backfill, switch reads, then drop the old "
					+ "column in a later release"),

	/** A foreign key or check constraint added without {@code NOT VALID}. */
	CONSTRAINT_WITHOUT_NOT_VALID("constraint-without-not-valid", Severity.ERROR, true,
			"Adding a FOREIGN KEY or CHECK constraint checks every row of %s while holding a lock that blocks its "
					+ "writes (a foreign key also locks the referenced table)",
			"Add it NOT VALID (Liquibase: validate=\"false\" on addForeignKeyConstraint), then VALIDATE CONSTRAINT "
					+ "in a later changeset, which does not block writes"),

	/** A unique or primary key constraint added without {@code USING INDEX}. */
	UNIQUE_WITHOUT_INDEX("unique-constraint-without-index", Severity.ERROR, true,
			"Adding a UNIQUE or PRIMARY KEY constraint builds its index on %s under an ACCESS EXCLUSIVE lock",
			"CREATE UNIQUE INDEX CONCURRENTLY first (runInTransaction=\"false\"), then ADD CONSTRAINT ... UNIQUE "
					+ "USING INDEX (Liquibase: forIndexName on addUniqueConstraint)"),

	/** A column dropped. */
	DROP_COLUMN("drop-column", Severity.ERROR, false,
			"Dropping a column of %s breaks the previous release, which still reads and writes it while a rolling "
					+ "deploy runs",
			"Contract in a later release: first ship code that no longer uses the column, then drop it; suppress "
					+ "this finding on that changeset with the reason"),

	/** A table dropped. */
	DROP_TABLE("drop-table", Severity.ERROR, false,
			"Dropping %s breaks the previous release, which still uses it while a rolling deploy runs",
			"Contract in a later release: first ship code that no longer uses the table, then drop it; suppress "
					+ "this finding on that changeset with the reason"),

	/** A column renamed. */
	RENAME_COLUMN("rename-column", Severity.ERROR, false,
			"Renaming a column of %s breaks the previous release, which still uses the old name while a rolling "
					+ "deploy runs",
			"Expand/contract: add the new column, write both, backfill, switch reads, drop the old one later (or a "
					+ "view with the old name for the transition)"),

	/** A table renamed. */
	RENAME_TABLE("rename-table", Severity.ERROR, false,
			"Renaming %s breaks the previous release, which still uses the old name while a rolling deploy runs",
			"Expand/contract: rename, and create a view with the old name that the previous release can keep "
					+ "using; drop the view in a later release"),

	/** {@code CONCURRENTLY} in a changeset that runs in a transaction. */
	CONCURRENTLY_IN_TRANSACTION("concurrently-in-transaction", Severity.ERROR, true,
			"CREATE INDEX CONCURRENTLY cannot run inside a transaction block (on %s): this changeset fails",
			"Set runInTransaction=\"false\" on the changeset and keep the statement alone in it"),

	/** A changeset without rollback. */
	NO_ROLLBACK("no-rollback", Severity.WARNING, false, "This changeset cannot be rolled back: %s",
			"Declare a <rollback> (or --rollback in formatted SQL), or an empty rollback if none is possible"),

	/** Several DDL statements in one changeset on MariaDB or MySQL. */
	MARIADB_MULTIPLE_DDL("mariadb-multiple-ddl", Severity.WARNING, false,
			"%s DDL statements in one changeset: MariaDB and MySQL commit each DDL statement, so when a later "
					+ "one fails the earlier ones stay applied and the changeset is not recorded",
			"One DDL statement per changeset, so that a failure leaves a changeset that can simply run again"),

	/** An index left INVALID by a failed or killed concurrent build. */
	INVALID_INDEX("invalid-index", Severity.ERROR, true,
			"Index %s is INVALID (left by a failed or killed CREATE INDEX CONCURRENTLY, or being built right "
					+ "now): writes maintain it but no query uses it",
			"DROP INDEX CONCURRENTLY it and run the changeset that builds it again (or REINDEX INDEX "
					+ "CONCURRENTLY it)"),

	/** A {@code lint:ignore} without a reason or naming no rule. */
	INVALID_LINT_IGNORE("invalid-lint-ignore", Severity.WARNING, false, "lint:ignore %s suppresses nothing",
			"Name a rule id and the reason: lint:ignore <rule-id> <why it is safe here>");

	private final String id;

	private final Severity severity;

	private final boolean postgresOnly;

	private final String problem;

	private final String alternative;

	LintRule(String id, Severity severity, boolean postgresOnly, String problem, String alternative) {
		this.id = id;
		this.severity = severity;
		this.postgresOnly = postgresOnly;
		this.problem = problem;
		this.alternative = alternative;
	}

	/**
	 * The id a suppression names.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * How bad a finding of this rule is.
	 * @return the severity
	 */
	public Severity severity() {
		return this.severity;
	}

	boolean postgresOnly() {
		return this.postgresOnly;
	}

	String problem(String subject) {
		return String.format(this.problem, subject);
	}

	String alternative() {
		return this.alternative;
	}

	/**
	 * The rule of the given id.
	 * @param id the id
	 * @return the rule, or {@code null}
	 */
	public static @Nullable LintRule of(String id) {
		return Arrays.stream(values()).filter((rule) -> rule.id.equals(id.strip())).findFirst().orElse(null);
	}

	/**
	 * How bad a finding is: errors fail the lint command (and the boot with
	 * {@code on-boot=fail}), warnings are reported.
	 */
	public enum Severity {

		/** Fails the lint. */
		ERROR,

		/** Reported only. */
		WARNING

	}

}
