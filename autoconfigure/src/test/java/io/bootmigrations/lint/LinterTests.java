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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.database.core.MariaDBDatabase;
import liquibase.database.core.PostgresDatabase;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.testsupport.ChangeLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link Linter} on parsed changelogs, without a database: each rule with a
 * case it reports and a case it leaves alone. The catalog is given as the set of tables
 * that exist before the deploy.
 */
class LinterTests {

	private static final Set<String> EXISTING = Set.of("customer", "orders");

	@TempDir
	Path directory;

	@Test
	void indexWithoutConcurrentlyOnAnExistingTable() {
		assertThat(rules(changeSet(
				"<createIndex tableName=\"customer\" indexName=\"ix\"><column name=\"name\"/>" + "</createIndex>")))
			.containsExactly("index-not-concurrent");
		assertThat(rules(changeSet("<createTable tableName=\"fresh\"><column name=\"id\" type=\"int\"/></createTable>"
				+ "<createIndex tableName=\"fresh\" indexName=\"ix\"><column name=\"id\"/></createIndex>")))
			.isEmpty();
	}

	@Test
	void concurrentIndexOutsideATransactionIsSafeButInsideOneFails() {
		String sql = "<sql>CREATE INDEX CONCURRENTLY ix ON customer (name)</sql>";
		assertThat(rules(changeSet(sql, "runInTransaction=\"false\""))).isEmpty();
		assertThat(rules(changeSet(sql))).containsExactly("concurrently-in-transaction");
	}

	@Test
	void notNullOnAnExistingColumn() {
		assertThat(rules(changeSet("<addNotNullConstraint tableName=\"customer\" columnName=\"name\" "
				+ "columnDataType=\"varchar(50)\"/>")))
			.containsExactly("not-null-on-existing-column");
		assertThat(rules(changeSet(
				"<sql>ALTER TABLE customer ADD CONSTRAINT name_nn CHECK (name IS NOT NULL) " + "NOT VALID</sql>")))
			.isEmpty();
	}

	@Test
	void columnWithAVolatileDefault() {
		assertThat(rules(changeSet("<addColumn tableName=\"customer\"><column name=\"token\" type=\"uuid\" "
				+ "defaultValueComputed=\"gen_random_uuid()\"/></addColumn>")))
			.containsExactly("add-column-volatile-default");
		assertThat(rules(changeSet("<addColumn tableName=\"customer\"><column name=\"created\" type=\"timestamp\" "
				+ "defaultValueComputed=\"now()\"/></addColumn>")))
			.isEmpty();
		assertThat(rules(changeSet("<sql>ALTER TABLE orders ADD COLUMN seq bigserial</sql>")))
			.containsExactly("add-column-volatile-default");
	}

	@Test
	void notNullColumnWithoutDefault() {
		assertThat(rules(changeSet("<addColumn tableName=\"customer\"><column name=\"tier\" type=\"int\">"
				+ "<constraints nullable=\"false\"/></column></addColumn>")))
			.containsExactly("add-column-not-null-without-default");
		assertThat(rules(changeSet("<addColumn tableName=\"customer\"><column name=\"tier\" type=\"int\" "
				+ "defaultValueNumeric=\"0\"><constraints nullable=\"false\"/></column></addColumn>")))
			.isEmpty();
	}

	@Test
	void columnTypeChange() {
		assertThat(
				rules(changeSet("<modifyDataType tableName=\"customer\" columnName=\"id\" newDataType=\"bigint\"/>")))
			.containsExactly("column-type-rewrite");
		assertThat(rules(changeSet("<sql>ALTER TABLE customer ALTER COLUMN type SET DEFAULT 'x'</sql>"))).isEmpty();
	}

	@Test
	void foreignKeyAndCheckWithoutNotValid() {
		String foreignKey = "<addForeignKeyConstraint baseTableName=\"orders\" baseColumnNames=\"customer_id\" "
				+ "constraintName=\"fk_customer\" referencedTableName=\"customer\" referencedColumnNames=\"id\"%s/>";
		assertThat(rules(changeSet(foreignKey.formatted("")))).containsExactly("constraint-without-not-valid");
		assertThat(rules(changeSet(foreignKey.formatted(" validate=\"false\"")))).isEmpty();
		assertThat(rules(changeSet("<sql>ALTER TABLE orders ADD CONSTRAINT positive CHECK (total > 0)</sql>")))
			.containsExactly("constraint-without-not-valid");
		assertThat(rules(changeSet("<sql>ALTER TABLE orders VALIDATE CONSTRAINT positive</sql>"))).isEmpty();
	}

	@Test
	void uniqueConstraintWithoutAnIndex() {
		assertThat(rules(changeSet("<addUniqueConstraint tableName=\"customer\" columnNames=\"email\" "
				+ "constraintName=\"uq_email\"/>")))
			.containsExactly("unique-constraint-without-index");
		assertThat(rules(
				changeSet("<sql>ALTER TABLE customer ADD CONSTRAINT uq_email UNIQUE USING INDEX ix_email" + "</sql>")))
			.isEmpty();
	}

	@Test
	void dropsAndRenamesBreakThePreviousRelease() {
		assertThat(rules(changeSet("<dropColumn tableName=\"customer\" columnName=\"name\"/>")))
			.containsExactly("drop-column");
		assertThat(rules(changeSet("<dropTable tableName=\"orders\"/>"))).containsExactly("drop-table");
		assertThat(rules(changeSet("<renameColumn tableName=\"customer\" oldColumnName=\"name\" "
				+ "newColumnName=\"full_name\" columnDataType=\"varchar(50)\"/>")))
			.containsExactly("rename-column");
		assertThat(rules(changeSet("<renameTable oldTableName=\"orders\" newTableName=\"purchase\"/>")))
			.containsExactly("rename-table");
		assertThat(rules(changeSet("<createTable tableName=\"scratch\"><column name=\"id\" type=\"int\"/>"
				+ "</createTable><dropColumn tableName=\"scratch\" columnName=\"id\"/><dropTable tableName=\"scratch\"/>")))
			.isEmpty();
	}

	@Test
	void changeSetWithoutRollbackIsAWarning() {
		LintReport report = lint(new PostgresDatabase(),
				"<changeSet id=\"1\" author=\"a\"><sql>UPDATE customer SET " + "name = 'x'</sql></changeSet>");
		assertThat(report.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule().id()).isEqualTo("no-rollback");
			assertThat(finding.isError()).isFalse();
		});
		assertThat(rules(changeSet("<sql>UPDATE customer SET name = 'x'</sql>"))).isEmpty();
	}

	@Test
	void severalDdlStatementsInOneChangeSetOnMariaDb() {
		String two = "<changeSet id=\"1\" author=\"a\"><sql>ALTER TABLE customer ADD COLUMN a int; "
				+ "ALTER TABLE customer ADD COLUMN b int</sql><rollback/></changeSet>";
		assertThat(lint(new MariaDBDatabase(), two).findings()).extracting((finding) -> finding.rule().id())
			.containsExactly("mariadb-multiple-ddl");
		assertThat(lint(new PostgresDatabase(), two).findings()).isEmpty();
		String one = "<changeSet id=\"1\" author=\"a\"><sql>ALTER TABLE customer ADD COLUMN a int</sql><rollback/>"
				+ "</changeSet>";
		assertThat(lint(new MariaDBDatabase(), one).findings()).isEmpty();
	}

	@Test
	void lockingRulesApplyToPostgresqlOnly() {
		String index = "<changeSet id=\"1\" author=\"a\"><createIndex tableName=\"customer\" indexName=\"ix\">"
				+ "<column name=\"name\"/></createIndex></changeSet>";
		assertThat(lint(new MariaDBDatabase(), index).findings()).isEmpty();
	}

	@Test
	void aCommentSuppressesARuleWithItsReason() {
		LintReport report = lint(new PostgresDatabase(),
				"<changeSet id=\"1\" author=\"a\"><comment>Contract step.\n"
						+ "lint:ignore drop-column release 41 no longer reads it</comment>"
						+ "<dropColumn tableName=\"customer\" columnName=\"name\"/><rollback/></changeSet>");
		assertThat(report.errors()).isEmpty();
		assertThat(report.findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.suppressedBecause()).isEqualTo("release 41 no longer reads it"));
		assertThat(report.text()).contains("SUPPRESSED [drop-column]").contains("release 41 no longer reads it");
	}

	@Test
	void aSuppressionWithoutReasonOrWithAnUnknownRuleSuppressesNothing() {
		LintReport report = lint(new PostgresDatabase(),
				"<changeSet id=\"1\" author=\"a\"><comment>lint:ignore "
						+ "drop-column\nlint:ignore no-such-rule because</comment><dropColumn tableName=\"customer\" "
						+ "columnName=\"name\"/><rollback/></changeSet>");
		assertThat(report.errors()).extracting((finding) -> finding.rule().id()).containsExactly("drop-column");
		assertThat(report.findings()).extracting(Finding::problem)
			.anyMatch((problem) -> problem.contains("drop-column (no reason given)"))
			.anyMatch((problem) -> problem.contains("no-such-rule (no such rule)"));
	}

	@Test
	void formattedSqlSuppressesThroughItsCommentLine() throws IOException {
		Files.writeString(this.directory.resolve("changes.sql"), """
				--liquibase formatted sql
				--changeset a:1
				--comment: lint:ignore index-not-concurrent the table holds ten rows
				CREATE INDEX ix ON customer (name);
				--rollback DROP INDEX ix;
				""");
		LintReport report = new Linter(Map.of()).lint(new PostgresDatabase(), parse("changes.sql"), EXISTING, List.of(),
				"pending");
		assertThat(report.findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.suppressedBecause()).isEqualTo("the table holds ten rows"));
	}

	@Test
	void findingsNameTheLineWhereTheChangeSetStarts() throws Exception {
		Files.writeString(this.directory.resolve("changes.sql"), """
				--liquibase formatted sql

				--changeset a:1
				CREATE TABLE fresh (id int);
				--rollback DROP TABLE fresh;

				--changeset a:2
				ALTER TABLE customer DROP COLUMN name;
				--rollback ALTER TABLE customer ADD COLUMN name text;
				""");
		List<ChangeSet> changeSets = parse("changes.sql");
		LintReport report = Scope.child(
				Map.of(Scope.Attr.resourceAccessor.name(), new DirectoryResourceAccessor(this.directory)),
				() -> new Linter(Map.of()).lint(new PostgresDatabase(), changeSets, EXISTING, List.of(), "pending"));
		assertThat(report.findings()).singleElement().satisfies((finding) -> {
			assertThat(finding.changeSet().line()).isEqualTo(7);
			assertThat(finding.changeSet()).hasToString("changes.sql::2::a (line 7)");
		});
	}

	@Test
	void yamlSuppressesThroughItsComment() throws IOException {
		Files.writeString(this.directory.resolve("changes.yaml"), """
				databaseChangeLog:
				  - changeSet:
				      id: "1"
				      author: a
				      comment: "lint:ignore drop-table replaced by purchase in release 40"
				      changes:
				        - dropTable:
				            tableName: orders
				      rollback: []
				""");
		LintReport report = new Linter(Map.of()).lint(new PostgresDatabase(), parse("changes.yaml"), EXISTING,
				List.of(), "pending");
		assertThat(report.errors()).isEmpty();
		assertThat(report.findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.suppressedBecause())
				.isEqualTo("replaced by purchase in release 40"));
	}

	@Test
	void configurationSuppressesARuleEverywhereWithItsReason() {
		LintReport report = new Linter(Map.of("index-not-concurrent", "all tables are small")).lint(
				new PostgresDatabase(),
				parse(xml("<changeSet id=\"1\" author=\"a\"><createIndex tableName=\"customer\" "
						+ "indexName=\"ix\"><column name=\"name\"/></createIndex></changeSet>")),
				EXISTING, List.of(), "pending");
		assertThat(report.errors()).isEmpty();
		assertThat(report.findings()).singleElement()
			.satisfies((finding) -> assertThat(finding.suppressedBecause()).startsWith("all tables are small"));
	}

	@Test
	void configurationNamingAnUnknownRuleOrNoReasonIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Linter(Map.of("no-such-rule", "x")))
			.withMessageContaining("Unknown lint rule 'no-such-rule' in migrations.lint.suppress")
			.withMessageContaining("index-not-concurrent");
		assertThatIllegalArgumentException().isThrownBy(() -> new Linter(Map.of("drop-column", " ")))
			.withMessageContaining("migrations.lint.suppress.drop-column needs the reason");
	}

	@Test
	void withTheWholeChangelogEveryTableNotCreatedInItCountsAsExisting() {
		List<ChangeSet> changeSets = parse(xml("<changeSet id=\"1\" author=\"a\"><createTable tableName=\"t\">"
				+ "<column name=\"id\" type=\"int\"/></createTable></changeSet><changeSet id=\"2\" author=\"a\">"
				+ "<createIndex tableName=\"t\" indexName=\"ix\"><column name=\"id\"/></createIndex>"
				+ "<createIndex tableName=\"legacy\" indexName=\"iy\"><column name=\"id\"/></createIndex></changeSet>"));
		LintReport report = new Linter(Map.of()).lint(new PostgresDatabase(), changeSets, null, List.of(), "all");
		assertThat(report.findings()).extracting(Finding::problem).singleElement().asString().contains("legacy");
	}

	@Test
	void invalidIndexesAreErrorsOfTheDatabase() {
		LintReport report = new Linter(Map.of()).lint(new PostgresDatabase(), List.of(), EXISTING,
				List.of("public.ix on customer"), "pending");
		assertThat(report.errors()).singleElement().satisfies((finding) -> {
			assertThat(finding.rule()).isEqualTo(LintRule.INVALID_INDEX);
			assertThat(finding.changeSet()).isNull();
			assertThat(finding.problem()).contains("public.ix on customer");
		});
	}

	@Test
	void jsonCarriesEveryFieldOfAFinding() {
		LintReport report = lint(new PostgresDatabase(), changeSet("<dropTable tableName=\"orders\"/>"));
		Map<String, Object> json = report.json();
		assertThat(json).containsEntry("errors", 1).containsEntry("scope", "pending");
		@SuppressWarnings("unchecked")
		Map<String, Object> finding = ((List<Map<String, Object>>) json.get("findings")).get(0);
		assertThat(finding).containsEntry("rule", "drop-table")
			.containsEntry("severity", "error")
			.containsEntry("suppressed", false)
			.containsKeys("problem", "alternative", "statement", "changeSet");
	}

	private List<String> rules(String changeSets) {
		return lint(new PostgresDatabase(), changeSets).findings()
			.stream()
			.map((finding) -> finding.rule().id())
			.toList();
	}

	private static String changeSet(String changes) {
		return changeSet(changes, "");
	}

	private static String changeSet(String changes, String attributes) {
		return "<changeSet id=\"1\" author=\"a\" " + attributes + ">" + changes + "<rollback/></changeSet>";
	}

	private LintReport lint(Database database, String changeSets) {
		return new Linter(Map.of()).lint(database, parse(xml(changeSets)), EXISTING, List.of(), "pending");
	}

	private String xml(String changeSets) {
		try {
			Files.writeString(this.directory.resolve("changelog.xml"), ChangeLogs.xml(changeSets));
			return "changelog.xml";
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<ChangeSet> parse(String file) {
		try {
			ResourceAccessor accessor = new DirectoryResourceAccessor(this.directory);
			Map<String, Object> scope = new HashMap<>();
			scope.put(Scope.Attr.resourceAccessor.name(), accessor);
			return Scope.child(scope, () -> {
				DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
					.getParser(file, accessor)
					.parse(file, new ChangeLogParameters(), accessor);
				return changeLog.getChangeSets();
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
