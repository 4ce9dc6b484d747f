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

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.testsupport.RunningApp;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Boots real applications in each {@code migrations.mode} against a fresh PostgreSQL
 * database per test.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsModeIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("modes");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void validateModeAppliesNothingAndFailsStartupWhenChangeSetsArePending(CapturedOutput output) {
		assertThatException().isThrownBy(() -> boot("migrations.mode=validate"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database migration failed (validation failed)")
			.contains("2 pending changesets (first: db/changelog/db.changelog-master.yaml::1::tests)")
			.contains("migrations.mode=validate applies nothing");
		assertThat(this.database.tables()).doesNotContain("item");
	}

	@Test
	void validateModeStartsWhenTheDatabaseMatchesTheChangelog(CapturedOutput output) {
		boot("migrations.mode=migrate").close();
		try (ConfigurableApplicationContext context = boot("migrations.mode=validate")) {
			assertThat(context.getBean(MigrationEngine.class).status().pending()).isEmpty();
		}
		assertThat(output)
			.contains("Migrations: migrations.mode=validate, the database matches the changelog (2 applied)");
	}

	@Test
	void validateModeFailsStartupOnAChecksumMismatch(CapturedOutput output) {
		boot().close();
		this.database
			.execute("UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef' WHERE id = '2'");
		assertThatException().isThrownBy(() -> boot("migrations.mode=validate"));
		assertThat(output).contains("checksum mismatch: db/changelog/db.changelog-master.yaml::2::tests");
	}

	@Test
	void validateModeFailsStartupWhenTheDatabaseIsAheadOfTheChangelog(CapturedOutput output) {
		boot().close();
		this.database.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, "
				+ "exectype) VALUES ('3', 'tests', 'db/changelog/db.changelog-master.yaml', now(), 3, 'EXECUTED')");
		assertThatException().isThrownBy(() -> boot("migrations.mode=validate"));
		assertThat(output).contains("1 applied changeset not in this changelog");
	}

	@Test
	void offModeLeavesTheDatabaseAloneButCommandsStillWork(CapturedOutput output) {
		try (ConfigurableApplicationContext context = boot("migrations.mode=off")) {
			assertThat(this.database.tables()).doesNotContain("item", "databasechangelog");
			context.getBean(MigrationEngine.class).upgrade(RevisionTarget.HEAD);
			assertThat(this.database.tables()).contains("item");
		}
		assertThat(output).contains("migrations.mode=off");
	}

	@Test
	void offModeLeavesHealthAndReadinessToTheApplication() {
		try (RunningApp app = RunningApp.start(this.database, "migrations.mode=off")) {
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
			assertThat(app.get("/actuator/health").body()).doesNotContain("\"migrations\"");
			assertThat(app.json("/actuator/migrations").<String>read("$.state")).isEqualTo("PENDING");
		}
		assertThat(this.database.tables()).doesNotContain("databasechangelog");
	}

	@Test
	void validateModeReportsReadyWhenTheDatabaseMatches() {
		boot("migrations.mode=migrate").close();
		try (RunningApp app = RunningApp.start(this.database, "migrations.mode=validate")) {
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
			assertThat(app.json("/actuator/migrations").<String>read("$.state")).isEqualTo("UP_TO_DATE");
		}
	}

	private ConfigurableApplicationContext boot(String... extra) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>();
		for (String property : this.database.properties()) {
			args.add("--" + property);
		}
		for (String property : extra) {
			args.add("--" + property);
		}
		return application.run(args.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class App {

	}

}
