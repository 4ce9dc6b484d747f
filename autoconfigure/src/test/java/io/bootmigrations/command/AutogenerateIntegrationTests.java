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

package io.bootmigrations.command;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.autoconfigure.MigrationsAutoConfiguration;
import io.bootmigrations.autoconfigure.MigrationsAutogenerateAutoConfiguration;
import io.bootmigrations.autoconfigure.MigrationsSchemaAutoConfiguration;
import io.bootmigrations.command.shop.Customer;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --migrations.autogenerate=true} and the entity part of {@code check} on
 * PostgreSQL, with the entities of {@code io.bootmigrations.command.shop} (an identity
 * and a sequence key, a unique, an index, a default, a foreign key) against changelogs
 * that differ from them in each kind of object.
 */
class AutogenerateIntegrationTests {

	/** The changelog of exactly the shop's entities, plus a table no entity maps. */
	private static final String MATCHING = """
			databaseChangeLog:
			  - changeSet:
			      id: 1-audit
			      author: test
			      changes:
			        - createTable:
			            tableName: audit_log
			            columns:
			              - column: { name: id, type: bigint }
			  - changeSet:
			      id: 2-shop
			      author: test
			      changes:
			        - createSequence: { sequenceName: purchase_seq, startValue: 1, incrementBy: 50 }
			        - createTable:
			            tableName: customer
			            columns:
			              - column: { name: id, type: bigint, autoIncrement: true, constraints: { primaryKey: true, nullable: false } }
			              - column: { name: name, type: varchar(100), constraints: { nullable: false } }
			              - column: { name: email, type: varchar(255), constraints: { unique: true } }
			              - column: { name: status, type: varchar(20), defaultValue: new, constraints: { nullable: false } }
			        - createIndex:
			            tableName: customer
			            indexName: idx_customer_name
			            columns:
			              - column: { name: name }
			        - createTable:
			            tableName: purchase
			            columns:
			              - column: { name: id, type: bigint, constraints: { primaryKey: true, nullable: false } }
			              - column: { name: customer_id, type: bigint, constraints: { nullable: false, foreignKeyName: fk_purchase_customer, references: customer(id) } }
			              - column: { name: amount, type: 'numeric(10,2)', constraints: { nullable: false } }
			""";

	@TempDir
	Path directory;

	private TestDatabase database;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, HibernateJpaAutoConfiguration.class,
				MigrationsAutoConfiguration.class, MigrationsSchemaAutoConfiguration.class,
				MigrationsAutogenerateAutoConfiguration.class))
		.withUserConfiguration(Shop.class)
		.withPropertyValues("migrations.command=revision", "migrations.mode=off", "spring.jpa.hibernate.ddl-auto=none");

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("autogen");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void roundTripFromAChangeLogWithoutTheEntitiesEndsWithNothingToDoAndAPassingCheck() throws Exception {
		Path master = master(MATCHING.substring(0, MATCHING.indexOf("  - changeSet:\n      id: 2-shop")));
		withContext(master, (context) -> {
			CommandResult revision = autogenerate(context, "create the shop");
			assertThat(revision.exitCode).as(revision.text).isZero();
			String written = Files.readString(writtenFile());
			assertThat(written).contains("createTable:", "tableName: customer", "tableName: purchase",
					"createSequence:", "sequenceName: purchase_seq", "createIndex:", "indexName: idx_customer_name",
					"addForeignKeyConstraint:", "addUniqueConstraint:", "defaultValue: new");
			assertThat(written).doesNotContain("audit_log", "REVIEW");
			assertThat(revision.text).contains("from the JPA entities").contains("table customer: in the entities");

			CommandResult before = run(context, "check");
			assertThat(before.exitCode).isEqualTo(MigrationCommandRunner.CHECK_FAILED);
			engine(context).upgrade(RevisionTarget.HEAD);
			CommandResult check = run(context, "check");
			assertThat(check.exitCode).as(check.text).isZero();
			assertThat(check.text).contains("OK: the JPA entities match the schema the changelog produces.");
			assertThat(check.json).containsEntry("entityDifferences", List.of());

			CommandResult again = autogenerate(context, "nothing new");
			assertThat(again.exitCode).isZero();
			assertThat(again.text).startsWith("Nothing to do: the JPA entities match");
			assertThat(again.json).containsEntry("written", false);
			assertThat(files()).hasSize(1);
		});
		// Hibernate's own validation agrees with the migrated schema
		this.contextRunner.withPropertyValues(this.database.properties())
			.withPropertyValues("spring.liquibase.change-log=file:" + master, "spring.jpa.hibernate.ddl-auto=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void eachKindOfDifferenceBecomesAChangeThatCheckNamesAndThatAppliesCleanly() throws Exception {
		String changeLog = MATCHING
			// sequence, index and foreign key missing
			.replace("        - createSequence: { sequenceName: purchase_seq, startValue: 1, incrementBy: 50 }\n", "")
			.replace(
					"        - createIndex:\n            tableName: customer\n            indexName: idx_customer_name\n"
							+ "            columns:\n              - column: { name: name }\n",
					"")
			.replace(", foreignKeyName: fk_purchase_customer, references: customer(id)", "")
			// length, nullability, unique, default differ; a column the entities lack
			.replace("{ name: name, type: varchar(100), constraints: { nullable: false } }",
					"{ name: name, type: varchar(50) }")
			.replace("constraints: { unique: true }", "constraints: { nullable: true }")
			.replace("{ name: status, type: varchar(20), defaultValue: new, constraints: { nullable: false } }",
					"{ name: status, type: varchar(20), constraints: { nullable: false } }\n"
							+ "              - column: { name: legacy_code, type: int }")
			// a column missing
			.replace(
					"              - column: { name: amount, type: 'numeric(10,2)', constraints: { nullable: false } }\n",
					"");
		Path master = master(changeLog);
		withContext(master, (context) -> {
			engine(context).upgrade(RevisionTarget.HEAD);
			CommandResult check = run(context, "check");
			assertThat(check.exitCode).isEqualTo(MigrationCommandRunner.CHECK_FAILED);
			assertThat(check.text).contains("FAILED: the JPA entities differ from the schema the changelog produces")
				.contains("sequence purchase_seq: in the entities, not in the migrations")
				.contains("index customer(name): in the entities, not in the migrations")
				.contains("foreign key purchase(customer_id) -> customer(id): in the entities, not in the migrations")
				.contains("unique constraint customer(email): in the entities, not in the migrations")
				.contains("column purchase.amount (numeric(10, 2) not null): in the entities, not in the migrations")
				.contains("column customer.legacy_code (int4): in the migrations, not in the entities")
				.containsPattern("column customer.name .* differs: .*nullable entities 'false', migrations 'true'")
				.containsPattern("column customer.name .* differs: .*type entities 'varchar\\(100\\)', migrations "
						+ "'varchar\\(50\\)'")
				.containsPattern("column customer.status .* differs: defaultValue entities 'new', migrations 'null'");

			CommandResult revision = autogenerate(context, "catch up with the entities");
			assertThat(revision.exitCode).as(revision.text).isZero();
			String written = Files.readString(writtenFile());
			assertThat(written).contains("createSequence:", "createIndex:", "addForeignKeyConstraint:",
					"addUniqueConstraint:", "addColumn:", "dropColumn:", "modifyDataType:", "addNotNullConstraint:",
					"addDefaultValue:");
			assertThat(written).contains("# REVIEW no rollback: Liquibase cannot derive the rollback of")
				.doesNotContain("possible rename");
			engine(context).upgrade(RevisionTarget.HEAD);
			CommandResult after = run(context, "check");
			assertThat(after.exitCode).as(after.text).isZero();
		});
	}

	@Test
	void aDroppedAndAnAddedColumnOfTheSameTypeAreFlaggedAsAPossibleRename() throws Exception {
		Path master = master(MATCHING
			.replace("{ name: name, type: varchar(100), constraints: { nullable: false } }",
					"{ name: full_name, type: varchar(100), constraints: { nullable: false } }")
			.replace("- column: { name: name }", "- column: { name: full_name }"));
		withContext(master, (context) -> {
			CommandResult revision = autogenerate(context, "rename full name");
			assertThat(revision.exitCode).as(revision.text).isZero();
			String written = Files.readString(writtenFile());
			assertThat(written).contains("# REVIEW possible rename: column customer.full_name is dropped and "
					+ "customer.name added, both varchar(100): if the field was renamed, replace the two changes "
					+ "with a renameColumn (tableName: customer, oldColumnName: full_name, newColumnName: name)");
			assertThat(revision.text).contains("Review before applying").contains("possible rename");
			assertThat(revision.json.get("review").toString()).contains("possible rename");
		});
	}

	@Test
	void aMasterThatIncludesSqlFilesGetsAFormattedSqlRevisionWithDerivedRollback() throws Exception {
		Path included = this.directory.resolve("001-audit.sql");
		Files.writeString(included, """
				--liquibase formatted sql

				--changeset test:1-audit
				CREATE TABLE audit_log (id bigint);
				--rollback DROP TABLE audit_log;
				""");
		Path master = this.directory.resolve("master.xml");
		Files.writeString(master,
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
								xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
								xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
							<include file="001-audit.sql" relativeToChangelogFile="true"/>
						</databaseChangeLog>
						""");
		withContext(master, (context) -> {
			CommandResult revision = autogenerate(context, "create the shop");
			assertThat(revision.exitCode).as(revision.text).isZero();
			Path file = writtenFile();
			assertThat(file.getFileName().toString()).endsWith("-create-the-shop.sql");
			assertThat(Files.readString(file)).startsWith("--liquibase formatted sql\n\n--changeset alice:")
				.contains("CREATE TABLE customer")
				.contains("--rollback DROP TABLE customer;");
			MigrationEngine engine = engine(context);
			engine.upgrade(RevisionTarget.HEAD);
			assertThat(run(context, "check").exitCode).isZero();
			engine.downgrade(RevisionTarget.parse("-1", RevisionTarget.Direction.DOWNGRADE));
			assertThat(this.database.tables()).contains("audit_log").doesNotContain("customer", "purchase");
		});
	}

	@Test
	void checkEntitiesFalseLeavesTheEntitiesOutOfCheck() throws Exception {
		Path master = master(MATCHING.replace("{ name: name, type: varchar(100)", "{ name: name, type: varchar(50)"));
		withContext(master, (context) -> {
			engine(context).upgrade(RevisionTarget.HEAD);
			assertThat(run(context, "check").exitCode).isEqualTo(MigrationCommandRunner.CHECK_FAILED);
			CommandResult off = runner(context, "check").withEntityCheck(false).execute();
			assertThat(off.exitCode).as(off.text).isZero();
			assertThat(off.json).doesNotContainKey("entityDifferences");
		});
	}

	@Test
	void withoutJpaAutogenerateSaysWhatIsNeededAndCheckIgnoresEntities() throws Exception {
		Path master = master(MATCHING);
		this.contextRunner.withClassLoader(new FilteredClassLoader(HibernatePropertiesCustomizer.class))
			.withPropertyValues(this.database.properties())
			.withPropertyValues("spring.liquibase.change-log=file:" + master)
			.run((context) -> {
				CommandResult revision = autogenerate(context, "anything");
				assertThat(revision.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
				assertThat(revision.text).contains("this application has no JPA")
					.contains("spring-boot-starter-data-jpa");
				assertThat(files()).isEmpty();
				engine(context).upgrade(RevisionTarget.HEAD);
				assertThat(run(context, "check").exitCode).isZero();
			});
	}

	@Test
	void aUserWithoutCreateDbGetsAnErrorNamingThePrivilegeAndTheSetting() throws Exception {
		String role = "bm_nocreatedb_" + UUID.randomUUID().toString().substring(0, 8);
		this.database.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
		try {
			Path master = master(MATCHING);
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + this.database.jdbcUrl(),
						"spring.datasource.username=" + role, "spring.datasource.password=",
						"spring.liquibase.change-log=file:" + master)
				.run((context) -> {
					CommandResult revision = autogenerate(context, "anything");
					assertThat(revision.exitCode).as(revision.text).isEqualTo(MigrationCommandRunner.ERROR);
					assertThat(revision.text).contains("lacks the CREATEDB privilege")
						.contains("migrations.scratch.url");
					assertThat(files()).isEmpty();
				});
		}
		finally {
			this.database.execute("DROP ROLE " + role);
		}
	}

	private void withContext(Path master, ThrowingConsumer consumer) {
		this.contextRunner.withPropertyValues(this.database.properties())
			.withPropertyValues("spring.liquibase.change-log=file:" + master)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				consumer.accept(context);
			});
	}

	private Path master(String yaml) throws Exception {
		Path master = this.directory.resolve("master.yaml");
		Files.writeString(master, yaml);
		return master;
	}

	private Path changes() {
		return this.directory.resolve("changes");
	}

	private List<Path> files() throws Exception {
		if (!Files.isDirectory(changes())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(changes())) {
			return files.sorted().toList();
		}
	}

	private Path writtenFile() throws Exception {
		List<Path> files = files();
		assertThat(files).hasSize(1);
		return files.get(0);
	}

	private CommandResult autogenerate(AssertableApplicationContext context, String message) {
		return runner(context, "revision")
			.withOptions(new DeveloperOptions(message, false, true, changes().toString(), "alice"))
			.execute();
	}

	private static CommandResult run(AssertableApplicationContext context, String command) {
		return runner(context, command).execute();
	}

	private static MigrationCommandRunner runner(AssertableApplicationContext context, String command) {
		return new MigrationCommandRunner(engine(context), command, null, "text", context, System.out, System.err,
				(status) -> {
				});
	}

	private static MigrationEngine engine(AssertableApplicationContext context) {
		return context.getBean(MigrationEngine.class);
	}

	@FunctionalInterface
	interface ThrowingConsumer {

		void accept(AssertableApplicationContext context) throws Exception;

	}

	@Configuration(proxyBeanMethods = false)
	@EntityScan(basePackageClasses = Customer.class)
	static class Shop {

	}

}
