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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.actuate.MigrationsHealthIndicator;
import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The no-op boot of many tenant schemas (issue #11): the tenants of a target are checked
 * together on one connection and settled without an engine when their fingerprint matches
 * exactly; any tenant whose history or changelog differs still runs Liquibase. Real
 * PostgreSQL and MariaDB.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantFastPathIntegrationTests {

	private static final String TENANTS = "migrations.targets.tenants.";

	private static final String TOGETHER = "tenant schema(s) found up to date together (fast path)";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("tenantfast");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void aNoOpRestartSettlesEveryTenantTogetherAndTheirStatusEndpointAndHealthStayExact(CapturedOutput output) {
		String[] properties = { TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas=t_a,t_b,t_c" };
		boot(properties).close();
		assertThat(output).doesNotContain(TOGETHER);
		try (ConfigurableApplicationContext context = boot(properties)) {
			assertThat(output).contains("3 " + TOGETHER).contains("0 changeset(s) applied, 0 failed");
			TargetEngines targets = context.getBean(TargetEngines.class);
			Map<String, MigrationStatus> statuses = targets.statuses();
			assertThat(statuses).containsOnlyKeys("default", "tenants:t_a", "tenants:t_b", "tenants:t_c");
			for (String schema : List.of("t_a", "t_b", "t_c")) {
				MigrationStatus status = statuses.get("tenants:" + schema);
				assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE);
				assertThat(status.applied()).extracting(ChangeSetInfo::id).containsExactly("account", "first-account");
				assertThat(status.database().schema()).isEqualTo(schema);
				assertThat(status.lastRun().applied()).isZero();
			}
			Health health = context.getBean(MigrationsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			// an engine built on demand starts from the settled status
			assertThat(targets.engine("tenants:t_b").status()).isEqualTo(statuses.get("tenants:t_b"));
			// and it still migrates, through its own fast path
			assertThat(targets.migrate("tenants:t_c").report().applied()).isZero();
			assertThat(targets.engine("tenants:t_c").status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		}
	}

	@Test
	void aTenantWhoseHistoryChangedIsMigratedOnANoOpBoot(CapturedOutput output) {
		String[] properties = { TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas=t_a,t_b,t_c" };
		boot(properties).close();
		this.database.execute("DELETE FROM t_b.databasechangelog WHERE id = 'first-account'",
				"DELETE FROM t_b.account");
		try (ConfigurableApplicationContext context = boot(properties)) {
			assertThat(output).contains("2 " + TOGETHER).contains("1 changeset(s) applied, 0 failed");
			assertThat(context.getBean(TargetEngines.class).statuses().values())
				.allSatisfy((status) -> assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE));
		}
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM t_b.account", Integer.class)).isOne();
		assertThat(this.database.jdbc()
			.queryForList("SELECT id FROM t_b.databasechangelog ORDER BY orderexecuted", String.class))
			.containsExactly("account", "first-account");
	}

	@Test
	void anEditedHistoryRowIsNotSettled(CapturedOutput output) {
		String[] properties = { TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a,t_b" };
		boot(properties).close();
		// a cleared checksum: Liquibase recomputes it, the fast path must not skip that
		this.database.execute("UPDATE t_a.databasechangelog SET md5sum = NULL WHERE id = 'account'");
		boot(properties).close();
		assertThat(output).contains("1 " + TOGETHER);
		assertThat(this.database.jdbc()
			.queryForObject("SELECT md5sum FROM t_a.databasechangelog WHERE id = 'account'", String.class)).isNotNull();
	}

	@Test
	void aNewChangesetInTheSharedChangelogMigratesEveryTenant(@TempDir Path folder, CapturedOutput output)
			throws IOException {
		Path changeLog = folder.resolve("tenant.yaml");
		Files.writeString(changeLog, changeSet("account", "CREATE TABLE account (id bigint)"));
		String[] properties = { TENANTS + "change-log=" + changeLog.toUri(), TENANTS + "schemas=t_a,t_b,t_c" };
		boot(properties).close();
		boot(properties).close();
		assertThat(output).contains("3 " + TOGETHER);
		Files.writeString(changeLog, Files.readString(changeLog)
				+ changeSet("second", "INSERT INTO account VALUES (7)").substring("databaseChangeLog:\n".length()));
		try (ConfigurableApplicationContext context = boot(properties)) {
			assertThat(output).contains("3 changeset(s) applied, 0 failed");
			assertThat(context.getBean(TargetEngines.class).statuses().values())
				.allSatisfy((status) -> assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE));
		}
		for (String schema : List.of("t_a", "t_b", "t_c")) {
			assertThat(this.database.jdbc().queryForObject("SELECT id FROM " + schema + ".account", Integer.class))
				.isEqualTo(7);
		}
	}

	@Test
	void mariaDbTenantSchemasAreCheckedTogetherToo(CapturedOutput output) {
		try (TestDatabase mariadb = TestDatabaseServer.mariadb().create("tenantfast")) {
			List<String> schemas = List.of(mariadb.name() + "_x", mariadb.name() + "_y");
			String[] properties = { TENANTS + "url=" + mariadb.jdbcUrl(), TENANTS + "user=" + mariadb.username(),
					TENANTS + "password=" + mariadb.password(), TENANTS + "change-log=classpath:db/targets/tenant.yaml",
					TENANTS + "schemas=" + String.join(",", schemas) };
			try {
				boot(properties).close();
				try (ConfigurableApplicationContext context = boot(properties)) {
					assertThat(output).contains("2 " + TOGETHER);
					assertThat(
							context.getBean(TargetEngines.class).statuses().get("tenants:" + schemas.get(0)).applied())
						.hasSize(2);
				}
			}
			finally {
				schemas.forEach((schema) -> mariadb.execute("DROP DATABASE IF EXISTS " + schema));
			}
		}
	}

	private static String changeSet(String id, String sql) {
		return "databaseChangeLog:\n  - changeSet:\n      id: " + id + "\n      author: tests\n      changes:\n"
				+ "        - sql: \"" + sql + "\"\n";
	}

	private ConfigurableApplicationContext boot(String... properties) {
		return this.database.boot(App.class, properties);
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class App {

	}

}
