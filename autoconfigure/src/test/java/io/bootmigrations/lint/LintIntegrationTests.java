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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.RunInterceptor;
import io.bootmigrations.engine.Safeguards;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the lint against the live catalog of real databases: which tables
 * exist, an index a killed concurrent build left invalid, the lint on boot, and the
 * MariaDB rule.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LintIntegrationTests {

	private static final String CREATE_CUSTOMER = "<changeSet id=\"1\" author=\"a\"><createTable tableName=\"customer\">"
			+ "<column name=\"id\" type=\"int\"/><column name=\"name\" type=\"varchar(50)\"/></createTable></changeSet>";

	private static final String INDEX_CUSTOMER = "<changeSet id=\"2\" author=\"a\"><createIndex tableName=\"customer\" "
			+ "indexName=\"ix_name\"><column name=\"name\"/></createIndex></changeSet>";

	private static final String NEW_TABLE_WITH_INDEX = "<changeSet id=\"3\" author=\"a\"><createTable tableName=\"fresh\">"
			+ "<column name=\"id\" type=\"int\"/></createTable><createIndex tableName=\"fresh\" indexName=\"ix_fresh\">"
			+ "<column name=\"id\"/></createIndex></changeSet>";

	@TempDir
	Path directory;

	@Test
	void pendingChangeSetsAreLintedAgainstTheTablesTheDatabaseHolds() throws Exception {
		try (TestDatabase database = TestDatabaseServer.postgres().create("lint")) {
			engine(database, CREATE_CUSTOMER, List.of()).migrate();
			MigrationEngine engine = engine(database, CREATE_CUSTOMER + INDEX_CUSTOMER + NEW_TABLE_WITH_INDEX,
					List.of());
			LintReport pending = lint(engine, true);
			assertThat(pending.changeSets()).isEqualTo(2);
			assertThat(pending.errors()).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo(LintRule.INDEX_NOT_CONCURRENT);
				assertThat(finding.changeSet().id()).isEqualTo("2");
				assertThat(finding.statement()).contains("CREATE INDEX ix_name ON public.customer(name)");
			});
			// the whole changelog: customer is created by changeset 1, so indexing it in
			// 2 was safe then
			assertThat(lint(engine, false).errors()).isEmpty();
		}
	}

	@Test
	void anIndexLeftInvalidByAKilledConcurrentBuildIsReportedByLintAndStatus() throws Exception {
		try (TestDatabase database = TestDatabaseServer.postgres().create("lintinvalid")) {
			database.execute("CREATE TABLE big (id int, v int)",
					"INSERT INTO big SELECT g, g FROM generate_series(1, 10000) g");
			try (Connection writer = DriverManager.getConnection(database.jdbcUrl(), database.username(),
					database.password());
					Connection builder = DriverManager.getConnection(database.jdbcUrl(), database.username(),
							database.password())) {
				// an open writing transaction makes the concurrent build wait after it
				// created the index entry
				writer.setAutoCommit(false);
				writer.createStatement().execute("INSERT INTO big VALUES (0, 0)");
				int builderPid = pid(builder);
				CompletableFuture<Void> build = CompletableFuture.runAsync(() -> {
					try (Statement statement = builder.createStatement()) {
						statement.execute("CREATE INDEX CONCURRENTLY ix_big_v ON big (v)");
					}
					catch (Exception ex) {
						// killed, as expected
					}
				});
				await().atMost(Duration.ofSeconds(30))
					.until(() -> database.jdbc()
						.queryForObject("SELECT count(*) FROM pg_class WHERE relname = 'ix_big_v'",
								Integer.class) == 1);
				database.jdbc().queryForObject("SELECT pg_terminate_backend(?)", Boolean.class, builderPid);
				build.get(30, TimeUnit.SECONDS);
				writer.rollback();
			}
			MigrationEngine engine = engine(database, CREATE_CUSTOMER, List.of());
			assertThat(lint(engine, true).errors()).singleElement().satisfies((finding) -> {
				assertThat(finding.rule()).isEqualTo(LintRule.INVALID_INDEX);
				assertThat(finding.problem()).contains("public.ix_big_v on big");
			});
			assertThat(engine.refresh().warnings()).singleElement()
				.asString()
				.contains("Index public.ix_big_v on big is INVALID", "DROP INDEX CONCURRENTLY");
		}
	}

	@Test
	void lintOnBootWithFailRefusesTheRunBeforeAnythingIsApplied() throws Exception {
		try (TestDatabase database = TestDatabaseServer.postgres().create("lintboot")) {
			engine(database, CREATE_CUSTOMER, List.of()).migrate();
			String changeSets = CREATE_CUSTOMER + NEW_TABLE_WITH_INDEX + INDEX_CUSTOMER;
			MigrationEngine failing = engine(database, changeSets, List.of(new LintOnBoot(new Linter(Map.of()), true)));
			assertThatExceptionOfType(MigrationException.class).isThrownBy(failing::migrate).satisfies((ex) -> {
				assertThat(ex.getFailure().kind()).isEqualTo(MigrationFailure.Kind.REFUSED);
				assertThat(ex.getFailure().message()).contains("nothing was applied", "ERROR [index-not-concurrent]",
						"changelog.xml::2::a");
			});
			assertThat(database.tables()).doesNotContain("fresh");
			MigrationEngine warning = engine(database, changeSets,
					List.of(new LintOnBoot(new Linter(Map.of()), false)));
			assertThat(warning.migrate().applied()).isEqualTo(2);
		}
	}

	@Test
	void severalDdlStatementsInOneChangeSetOnMariaDb() throws Exception {
		try (TestDatabase database = TestDatabaseServer.mariadb().create("lintmaria")) {
			MigrationEngine engine = engine(database,
					CREATE_CUSTOMER + "<changeSet id=\"2\" author=\"a\"><addColumn "
							+ "tableName=\"customer\"><column name=\"a\" type=\"int\"/></addColumn><addColumn "
							+ "tableName=\"customer\"><column name=\"b\" type=\"int\"/></addColumn></changeSet>",
					List.of());
			LintReport report = lint(engine, true);
			assertThat(report.findings()).extracting((finding) -> finding.rule().id())
				.containsExactly("mariadb-multiple-ddl");
			assertThat(report.findings().get(0).changeSet().id()).isEqualTo("2");
		}
	}

	private static LintReport lint(MigrationEngine engine, boolean pending) {
		return engine.inspectChangeLog(pending, (connection, database, changeSets) -> new Linter(Map.of())
			.lint(connection, database, changeSets, pending ? "pending" : "all"));
	}

	private MigrationEngine engine(TestDatabase database, String changeSets, List<RunInterceptor> interceptors)
			throws Exception {
		Path changeLog = this.directory.resolve("changelog.xml");
		Files.writeString(changeLog, ChangeLogs.xml(changeSets));
		return new MigrationEngine(database.dataSource(), MigrationSettings.forChangeLog("file:" + changeLog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(), Safeguards.defaults(), null,
				interceptors);
	}

	private static int pid(Connection connection) throws Exception {
		try (var rows = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
