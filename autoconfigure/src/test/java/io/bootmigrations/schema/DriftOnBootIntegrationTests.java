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

package io.bootmigrations.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

import io.bootmigrations.actuate.MigrationsEndpoint;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drift as an application sees it, on real PostgreSQL: logged after the migration on boot
 * with {@code migrations.drift.on-boot=warn}, and read from the endpoint with its time,
 * cached.
 */
@ExtendWith(OutputCaptureExtension.class)
class DriftOnBootIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("driftboot");
		// made by hand before the first deployment: drift once the changelog has run
		this.database.execute("CREATE TABLE hotfix_log (id int)");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void warnLogsEachDifferenceAfterTheMigrationWithoutFailingTheStart(CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = boot("--migrations.drift.on-boot=warn")) {
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(6);
			Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
			while (!output.toString().contains("Schema drift: hotfix_log.id") && Instant.now().isBefore(deadline)) {
				Thread.sleep(200);
			}
		}
		assertThat(output).contains("Schema drift: hotfix_log: table in the database, not in the migrations",
				"Schema drift: hotfix_log.id: column in the database, not in the migrations");
	}

	@Test
	void offByDefault(CapturedOutput output) {
		boot().close();
		assertThat(output).doesNotContain("Schema drift").doesNotContain("No drift");
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointComputesDriftOnRequestAndCachesItWithItsTime() {
		try (ConfigurableApplicationContext context = boot("--migrations.drift.exclude=none_such")) {
			// the endpoint's wiring is in MigrationsSchemaAutoConfigurationTests
			MigrationsEndpoint endpoint = new MigrationsEndpoint(context.getBean(MigrationEngine.class), false,
					context.getBean(DriftCheck.class));
			Map<String, Object> first = (Map<String, Object>) endpoint.changeSets("drift", null, null, null).getBody();
			assertThat(first).containsEntry("ok", false).containsEntry("applied", 4).containsKey("checkedAt");
			assertThat((List<Map<String, Object>>) first.get("differences")).extracting((d) -> d.get("message"))
				.containsExactly("hotfix_log: table in the database, not in the migrations",
						"hotfix_log.id: column in the database, not in the migrations");
			this.database.execute("DROP TABLE hotfix_log");
			Map<String, Object> second = (Map<String, Object>) endpoint.changeSets("drift", null, null, null).getBody();
			assertThat(second.get("checkedAt")).isEqualTo(first.get("checkedAt"));
			assertThat(second.get("ok")).isEqualTo(false);
		}
	}

	private ConfigurableApplicationContext boot(String... extra) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>();
		for (String property : this.database.properties()) {
			args.add("--" + property);
		}
		args.add("--spring.liquibase.change-log=classpath:db/commands/changelog.xml");
		args.addAll(List.of(extra));
		return application.run(args.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class App {

	}

}
