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
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path as an application sees it: booted twice against a fresh PostgreSQL
 * database.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsFastPathIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("fastboot");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void secondBootSkipsLiquibaseAndReportsTheSameStatus(CapturedOutput output) {
		MigrationStatus first;
		try (ConfigurableApplicationContext context = boot()) {
			first = context.getBean(MigrationEngine.class).status();
		}
		try (ConfigurableApplicationContext context = boot()) {
			MigrationStatus second = context.getBean(MigrationEngine.class).status();
			assertThat(second.state()).isEqualTo(first.state());
			assertThat(second.applied()).isEqualTo(first.applied());
			assertThat(second.pending()).isEmpty();
			assertThat(second.unexpected()).isEmpty();
		}
		assertThat(output).contains("Migrations: database up to date (2 applied) - nothing changed since the last run, "
				+ "Liquibase skipped");
	}

	@Test
	void fastPathCanBeSwitchedOff(CapturedOutput output) {
		boot("--migrations.fast-path.enabled=false").close();
		boot("--migrations.fast-path.enabled=false").close();
		assertThat(output).contains("Migrations: database up to date (2 applied)").doesNotContain("Liquibase skipped");
		assertThat(this.database.tables()).doesNotContain("bootmigrations_fingerprint");
	}

	private ConfigurableApplicationContext boot(String... extra) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>();
		for (String property : this.database.properties()) {
			args.add("--" + property);
		}
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
