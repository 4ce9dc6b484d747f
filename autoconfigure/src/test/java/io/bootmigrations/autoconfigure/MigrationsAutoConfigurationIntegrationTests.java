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

package io.bootmigrations.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import liquibase.Liquibase;
import liquibase.integration.spring.Customizer;
import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint;
import org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint.LiquibaseBeanDescriptor;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Boots real applications against a fresh PostgreSQL database per test.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsAutoConfigurationIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("autoconfig");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void firstBootAppliesAndSecondBootAppliesNothing(CapturedOutput output) {
		try (ConfigurableApplicationContext context = boot(App.class)) {
			MigrationEngine engine = context.getBean(MigrationEngine.class);
			assertThat(engine.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
			assertThat(engine.status().applied()).hasSize(2);
		}
		assertThat(output).contains("Migrations: applied 2 changesets in ")
			.contains("0 pending; last 2 (db/changelog/db.changelog-master.yaml)");
		try (ConfigurableApplicationContext context = boot(App.class)) {
			assertThat(context.getBean(MigrationEngine.class).status().lastRun().applied()).isZero();
		}
		assertThat(output).contains("Migrations: database up to date (2 applied)");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM item", Integer.class)).isOne();
	}

	@Test
	void beansThatUseTheDatabaseSeeTheMigratedSchemaDuringTheirInitialization() {
		try (ConfigurableApplicationContext context = boot(ReaderApp.class)) {
			assertThat(context.getBean(ItemCounter.class).countAtStartup).isOne();
		}
	}

	@Test
	void failingChangeSetStopsStartupWithOneClearReport(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> boot(App.class, "spring.liquibase.change-log=classpath:db/engine/failing.xml"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database migration failed (changeset failed)")
			.contains("Changeset: broken-invoice")
			.contains("Author:    bob")
			.contains("File:      db/engine/failing.xml")
			.contains("relation \"no_such_table\" does not exist")
			.contains("Fix the changeset or the database and start again");
		assertThat(this.database.tables()).contains("orders").doesNotContain("invoice", "shipment");
		assertThat(this.database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class))
			.containsExactly("create-orders");
	}

	@Test
	void bootsLiquibaseEndpointStillReportsTheChangeSets() {
		try (ConfigurableApplicationContext context = boot(App.class, "spring.jmx.enabled=true",
				"management.endpoints.jmx.exposure.include=liquibase")) {
			assertThat(context.getBeansOfType(SpringLiquibase.class))
				.as("Boot's Liquibase auto-configuration is filtered out; a SpringLiquibase would start Liquibase")
				.isEmpty();
			Map<String, LiquibaseBeanDescriptor> beans = context.getBean(LiquibaseEndpoint.class)
				.liquibaseBeans()
				.getContexts()
				.get(context.getId())
				.getLiquibaseBeans();
			assertThat(beans).containsOnlyKeys("liquibase");
			assertThat(beans.get("liquibase").getChangeSets()).extracting((changeSet) -> changeSet.getId())
				.containsExactly("1", "2");
		}
	}

	@Test
	void passwordNeverAppearsInTheLog(CapturedOutput output) {
		this.database.execute("CREATE ROLE secret_user LOGIN PASSWORD 'Sup3rS3cret!'",
				"GRANT ALL ON SCHEMA public TO secret_user");
		try (ConfigurableApplicationContext context = boot(App.class, "spring.datasource.username=secret_user",
				"spring.datasource.password=Sup3rS3cret!")) {
			assertThat(context.getBean(MigrationEngine.class).status().database().user()).isEqualTo("secret_user");
		}
		finally {
			this.database.execute("DROP OWNED BY secret_user", "DROP ROLE secret_user");
		}
		assertThat(output).contains("Migrations: applied 2 changesets").doesNotContain("Sup3rS3cret!");
	}

	// ---- every spring.liquibase.* key and Customizer<Liquibase>, as Boot's
	// SpringLiquibase applies them

	@Test
	void rollbackFileHoldsTheRollbackOfWhatTheBootAppliesBeforeItIsApplied(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		Path rollback = dir.resolve("rollback.sql");
		try (ConfigurableApplicationContext context = boot(App.class,
				"spring.liquibase.change-log=file:" + changeLog(dir), "spring.liquibase.rollback-file=" + rollback)) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		assertThat(output).contains("Migrations: applied 2 changesets");
		assertThat(Files.readString(rollback)).contains("-- Rolling Back ChangeSet: ")
			.contains("DROP TABLE public.plain")
			.contains("DROP TABLE public.second")
			.contains("DELETE FROM public.databasechangelog WHERE ID = 'create'");
		// Boot writes it on every boot: the next one has nothing to roll back
		try (ConfigurableApplicationContext context = boot(App.class,
				"spring.liquibase.change-log=file:" + changeLog(dir), "spring.liquibase.rollback-file=" + rollback)) {
			assertThat(context.getBean(MigrationEngine.class).status().lastRun().applied()).isZero();
		}
		assertThat(Files.readString(rollback)).doesNotContain("DROP TABLE");
	}

	@Test
	void showSummaryVerboseReportsTheUpdateSummaryAndOffDoesNot(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		String changeLog = "spring.liquibase.change-log=file:" + changeLog(dir);
		try (ConfigurableApplicationContext context = boot(App.class, changeLog, "spring.liquibase.show-summary=off",
				"spring.liquibase.show-summary-output=log")) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		assertThat(output).doesNotContain("UPDATE SUMMARY");
		this.database.execute("DROP TABLE plain", "DROP TABLE second", "DELETE FROM databasechangelog");
		try (ConfigurableApplicationContext context = boot(App.class, changeLog,
				"spring.liquibase.show-summary=verbose", "spring.liquibase.show-summary-output=log")) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		assertThat(output).contains("UPDATE SUMMARY").contains("Run:                          2");
	}

	@Test
	void showSummaryOutputConsolePrintsTheSummaryOnStandardOutput(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		try (ConfigurableApplicationContext context = boot(App.class,
				"spring.liquibase.change-log=file:" + changeLog(dir), "spring.liquibase.show-summary=summary",
				"spring.liquibase.show-summary-output=console")) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		// printed by Liquibase on the console, not through the log (no log line prefix)
		assertThat(output.getOut().lines()).contains("UPDATE SUMMARY", "Run:                          2");
	}

	@Test
	void uiServiceConsolePrintsLiquibaseMessagesWhereTheLoggerLogsThem(@TempDir Path dir, CapturedOutput output)
			throws IOException {
		String changeLog = "spring.liquibase.change-log=file:" + changeLog(dir);
		try (ConfigurableApplicationContext context = boot(App.class, changeLog,
				"spring.liquibase.ui-service=logger")) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		assertThat(output.getOut()).contains(" : Running Changeset: ");
		assertThat(output.getOut().lines()).noneMatch((line) -> line.startsWith("Running Changeset: "));
		this.database.execute("DROP TABLE plain", "DROP TABLE second", "DELETE FROM databasechangelog");
		try (ConfigurableApplicationContext context = boot(App.class, changeLog,
				"spring.liquibase.ui-service=console")) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		assertThat(output.getOut().lines()).anyMatch((line) -> line.startsWith("Running Changeset: "));
	}

	@Test
	void customizerBeanIsAppliedToLiquibaseAfterTheProperties(@TempDir Path dir) throws IOException {
		try (ConfigurableApplicationContext context = boot(CustomizedApp.class,
				"spring.liquibase.change-log=file:" + changeLog(dir))) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(2);
		}
		assertThat(this.database.tables()).contains("customized", "second").doesNotContain("plain");
	}

	/** Two changesets with automatic rollbacks; the first table's name is a parameter. */
	private static Path changeLog(Path dir) throws IOException {
		Path changeLog = dir.resolve("changelog.yaml");
		Files.writeString(changeLog, """
				databaseChangeLog:
				  - property: { name: table.name, value: plain }
				  - changeSet:
				      id: create
				      author: tests
				      changes:
				        - createTable:
				            tableName: ${table.name}
				            columns:
				              - column: { name: id, type: bigint }
				  - changeSet:
				      id: second
				      author: tests
				      changes:
				        - createTable:
				            tableName: second
				            columns:
				              - column: { name: id, type: bigint }
				""");
		return changeLog;
	}

	private ConfigurableApplicationContext boot(Class<?> app, String... extra) {
		return this.database.boot(app, extra);
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class CustomizedApp {

		@Bean
		Customizer<Liquibase> tableNameCustomizer() {
			return (liquibase) -> liquibase.setChangeLogParameter("table.name", "customized");
		}

	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class ReaderApp {

		@Bean
		ItemCounter itemCounter(JdbcTemplate jdbc) {
			return new ItemCounter(jdbc);
		}

	}

	static class ItemCounter {

		final int countAtStartup;

		ItemCounter(JdbcTemplate jdbc) {
			this.countAtStartup = jdbc.queryForObject("SELECT count(*) FROM item", Integer.class);
		}

	}

}
