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

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.actuate.MigrationsHealthIndicator;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.targets.TargetEngines.TargetsCustomizer;
import io.bootmigrations.targets.TargetRun;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Several databases and tenant schemas (issue #11), booted as real applications against
 * fresh PostgreSQL databases.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationTargetsIntegrationTests {

	private static final String TENANTS = "migrations.targets.tenants.";

	private TestDatabase database;

	private TestDatabase reports;

	@BeforeEach
	void createDatabases() {
		this.database = TestDatabaseServer.postgres().create("targets");
		this.reports = TestDatabaseServer.postgres().create("reports");
	}

	@AfterEach
	void dropDatabases() {
		this.database.close();
		this.reports.close();
	}

	@Test
	void migratesTwoDatabasesAndEveryTenantSchemaEachWithItsOwnHistory(CapturedOutput output) {
		String[] properties = { "migrations.targets.reports.url=" + this.reports.jdbcUrl(),
				"migrations.targets.reports.user=" + this.reports.username(),
				"migrations.targets.reports.password=" + this.reports.password(),
				"migrations.targets.reports.change-log=classpath:db/targets/reports.yaml",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a,t_b" };
		try (ConfigurableApplicationContext context = boot(App.class, properties)) {
			TargetEngines targets = context.getBean(TargetEngines.class);
			assertThat(targets.statuses()).containsOnlyKeys("default", "reports", "tenants:t_a", "tenants:t_b")
				.allSatisfy((id, status) -> assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE));
			Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("targets");
		}
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM item", Integer.class)).isOne();
		assertThat(this.reports.tables()).contains("report", "databasechangelog");
		for (String schema : List.of("t_a", "t_b")) {
			assertThat(
					this.database.jdbc().queryForObject("SELECT count(*) FROM " + schema + ".account", Integer.class))
				.isOne();
			assertThat(this.database.jdbc()
				.queryForList("SELECT id FROM " + schema + ".databasechangelog ORDER BY orderexecuted", String.class))
				.containsExactly("account", "first-account");
		}
		assertThat(output).contains("Migrations: 3 target(s) in ").contains("5 changeset(s) applied, 0 failed");
		try (ConfigurableApplicationContext context = boot(App.class, properties)) {
			assertThat(context.getBean(TargetEngines.class).statuses().values())
				.allSatisfy((status) -> assertThat(status.lastRun().applied()).isZero());
		}
		assertThat(output).contains("0 changeset(s) applied, 0 failed");
	}

	@Test
	void aMariaDbTargetMigratesBesideThePostgresDefault() {
		try (TestDatabase mariadb = TestDatabaseServer.mariadb().create("targets")) {
			try (ConfigurableApplicationContext context = boot(App.class,
					"migrations.targets.reports.url=" + mariadb.jdbcUrl(),
					"migrations.targets.reports.user=" + mariadb.username(),
					"migrations.targets.reports.password=" + mariadb.password(),
					"migrations.targets.reports.change-log=classpath:db/targets/reports.yaml")) {
				TargetEngines targets = context.getBean(TargetEngines.class);
				assertThat(targets.engine("reports").status().state()).isEqualTo(MigrationState.UP_TO_DATE);
				assertThat(targets.engine("reports").status().database().product()).isEqualTo("MariaDB");
				assertThat(targets.engine("default").status().database().product()).isEqualTo("PostgreSQL");
			}
			assertThat(mariadb.tables()).contains("report");
		}
	}

	@Test
	void schemasComeFromAQueryAndTheApplicationAndANewTenantMigratesWhileRunning() {
		try (ConfigurableApplicationContext context = boot(CustomizedApp.class,
				TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas-query=SELECT 'q_one' UNION ALL SELECT 'q_two'")) {
			TargetEngines targets = context.getBean(TargetEngines.class);
			assertThat(targets.statuses()).containsOnlyKeys("default", "tenants:q_one", "tenants:q_two",
					"tenants:c_three");
			TargetRun run = targets.migrateTenant("tenants", "n_new");
			assertThat(run.failed()).isFalse();
			assertThat(run.report().applied()).isEqualTo(2);
			assertThat(targets.engine("tenants:n_new").status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		}
		for (String schema : List.of("q_one", "q_two", "c_three", "n_new")) {
			assertThat(
					this.database.jdbc().queryForObject("SELECT count(*) FROM " + schema + ".account", Integer.class))
				.isOne();
		}
	}

	@Test
	void springLiquibaseEnabledFalseRemovesOnlyTheDefaultTarget() {
		try (ConfigurableApplicationContext context = boot(App.class, "spring.liquibase.enabled=false",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a,t_b")) {
			assertThat(context.getBeansOfType(MigrationEngine.class)).isEmpty();
			assertThat(context.getBean(TargetEngines.class).statuses()).containsOnlyKeys("tenants:t_a", "tenants:t_b")
				.allSatisfy((id, status) -> assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE));
			Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsOnlyKeys("targets");
		}
		assertThat(this.database.tables()).doesNotContain("item", "databasechangelog");
		for (String schema : List.of("t_a", "t_b")) {
			assertThat(
					this.database.jdbc().queryForObject("SELECT count(*) FROM " + schema + ".account", Integer.class))
				.isOne();
		}
	}

	@Test
	void springLiquibaseEnabledFalseWithoutTargetsMigratesNothing() {
		try (ConfigurableApplicationContext context = boot(App.class, "spring.liquibase.enabled=false")) {
			assertThat(context.getBeansOfType(MigrationEngine.class)).isEmpty();
			assertThat(context.getBeansOfType(TargetEngines.class)).isEmpty();
			assertThat(context.getBeansOfType(MigrationsHealthIndicator.class)).isEmpty();
		}
		assertThat(this.database.tables()).doesNotContain("item", "databasechangelog");
	}

	@Test
	void aFailingTenantIsIsolatedAndNamedByHealthWhenTheApplicationStaysUp() {
		this.database.execute("CREATE SCHEMA t_bad", "CREATE TABLE t_bad.account (id bigint)");
		try (ConfigurableApplicationContext context = boot(App.class, "migrations.on-failure=stay-not-ready",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_ok,t_bad,t_ok2")) {
			TargetEngines targets = context.getBean(TargetEngines.class);
			assertThat(targets.engine("tenants:t_bad").status().state()).isEqualTo(MigrationState.FAILED);
			assertThat(targets.engine("tenants:t_ok").status().state()).isEqualTo(MigrationState.UP_TO_DATE);
			assertThat(targets.engine("tenants:t_ok2").status().state()).isEqualTo(MigrationState.UP_TO_DATE);
			Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			@SuppressWarnings("unchecked")
			Map<String, Object> summary = (Map<String, Object>) health.getDetails().get("targets");
			assertThat(summary.get("notReady")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
				.containsExactly("tenants:t_bad");
			assertThat(summary.get("errors").toString()).contains("tenants:t_bad").contains("account");
		}
	}

	@Test
	void onFailureFailNamesEveryFailedTargetAfterTheOthersFinished(CapturedOutput output) {
		this.database.execute("CREATE SCHEMA t_bad1", "CREATE TABLE t_bad1.account (id bigint)", "CREATE SCHEMA t_bad2",
				"CREATE TABLE t_bad2.account (id bigint)");
		assertThatException().isThrownBy(() -> boot(App.class, "migrations.parallelism=1",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_bad1,t_ok,t_bad2"));
		assertThat(output).contains("Migrations failed on 2 of 3 target(s) (the others finished): tenants:t_bad1: ")
			.contains("tenants:t_bad2: ");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM t_ok.account", Integer.class)).isOne();
	}

	// --- bad input: a clear startup error naming the property, no target migrated

	@Test
	void missingChangeLogNamesTheProperty(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.change-log", TENANTS + "change-log=classpath:db/targets/nope.yaml",
				TENANTS + "schemas=t_a");
	}

	@Test
	void unknownDataSourceBeanNamesTheProperty(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.data-source", TENANTS + "data-source=noSuchBean",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a");
	}

	@Test
	void unreachableDatabaseNamesTheTarget(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants", "migrations.startup.wait-for-database=0s",
				TENANTS + "url=jdbc:postgresql://127.0.0.1:1/nowhere", TENANTS + "user=someone",
				TENANTS + "password=Sup3rS3cret", TENANTS + "change-log=classpath:db/targets/tenant.yaml");
		assertThat(output).contains("cannot be reached").doesNotContain("Sup3rS3cret");
	}

	@Test
	void targetNamedDefaultIsADuplicate(CapturedOutput output) {
		badInput(output, "migrations.targets.default",
				"migrations.targets.default.change-log=classpath:db/targets/tenant.yaml");
		assertThat(output).contains("Duplicate target name 'default'");
	}

	@Test
	void schemaNeedingQuotingIsRefused(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.schemas", TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas=t_a,Tenant-A");
		assertThat(output).contains("needs quoting");
	}

	@Test
	void reservedWordAsSchemaIsRefused(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.schemas", TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas=t_a,user");
		assertThat(output).contains("reserved word");
	}

	@Test
	void schemaListedTwiceIsRefused(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.schemas", TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas=t_a,t_a");
	}

	@Test
	void failingSchemasQueryNamesTheProperty(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.schemas-query",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas-query=SELECT nope FROM nowhere");
	}

	@Test
	void schemasQueryReturningAnInvalidNameIsRefused(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.schemas-query",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas-query=SELECT 'Bad Name'");
	}

	@Test
	void missingSchemaWithoutCreateSchemasNamesTheProperty(CapturedOutput output) {
		badInput(output, "migrations.targets.tenants.create-schemas",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a",
				TENANTS + "create-schemas=false");
	}

	private void badInput(CapturedOutput output, String property, String... properties) {
		assertThatException().isThrownBy(() -> boot(App.class, properties));
		assertThat(output).contains("APPLICATION FAILED TO START").contains("'" + property + "'");
		assertThat(this.database.jdbc()
			.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 'account'",
					Integer.class))
			.isZero();
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
		TargetsCustomizer tenantRegistry() {
			return (targets) -> targets.addSchemas("tenants", List.of("c_three"));
		}

	}

}
