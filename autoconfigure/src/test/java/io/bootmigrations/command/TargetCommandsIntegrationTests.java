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

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands on several targets (issue #11): every target by default,
 * {@code --migrations.only} selects, results grouped per target, the exit status the
 * worst.
 */
class TargetCommandsIntegrationTests {

	private TestDatabase database;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void bootWithAFailedTenant() {
		this.database = TestDatabaseServer.postgres().create("target_commands");
		this.database.execute("CREATE SCHEMA t_bad", "CREATE TABLE t_bad.account (id bigint)");
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		this.context = application.run("--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(), "--migrations.on-failure=stay-not-ready",
				"--migrations.targets.tenants.change-log=classpath:db/targets/tenant.yaml",
				"--migrations.targets.tenants.schemas=t_a,t_bad");
	}

	@AfterEach
	void close() {
		this.context.close();
		this.database.close();
	}

	@Test
	void checkRunsOnEveryTargetAndExitsWithTheWorstStatus() {
		CommandResult result = run("check", null, "text");
		assertThat(result.exitCode).isEqualTo(MigrationCommandRunner.CHECK_FAILED);
		assertThat(result.text).contains("== default ==").contains("== tenants:t_a ==").contains("== tenants:t_bad ==");
		assertThat(result.text.indexOf("== default ==")).isLessThan(result.text.indexOf("== tenants:t_a =="));
	}

	@Test
	void onlySelectsATenantAndJsonGroupsPerTarget() {
		CommandResult result = run("status", "tenants:t_a", "json");
		assertThat(result.exitCode).isEqualTo(MigrationCommandRunner.SUCCESS);
		assertThat(result.json.get("exitCode")).isEqualTo(0);
		assertThat(((Map<?, ?>) result.json.get("targets")).keySet()).extracting(String::valueOf)
			.containsExactly("tenants:t_a");
		assertThat(((Map<?, ?>) ((Map<?, ?>) result.json.get("targets")).get("tenants:t_a")).get("target"))
			.isEqualTo("tenants:t_a");
		assertThat(run("status", "tenants", "text").text).contains("== tenants:t_a ==")
			.contains("== tenants:t_bad ==")
			.doesNotContain("== default ==");
	}

	@Test
	void upgradeRunsOnSeveralTargetsAtOnceWithResultsInTheTargetsOrderAndTheWorstStatus() {
		CommandResult result = run("upgrade", null, "json", 4);
		assertThat(result.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(((Map<?, ?>) result.json.get("targets")).keySet()).extracting(String::valueOf)
			.containsExactly("default", "tenants:t_a", "tenants:t_bad");
		assertThat(result.json.get("exitCode")).isEqualTo(MigrationCommandRunner.ERROR);
		CommandResult text = run("status", null, "text", 4);
		assertThat(text.text.indexOf("== default ==")).isLessThan(text.text.indexOf("== tenants:t_a =="));
		assertThat(text.text.indexOf("== tenants:t_a ==")).isLessThan(text.text.indexOf("== tenants:t_bad =="));
	}

	@Test
	void onlyNamingNoTargetIsAUsageError() {
		CommandResult result = run("status", "tenants:nope", "text");
		assertThat(result.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(result.text).contains("--migrations.only: no target 'tenants:nope'");
	}

	private CommandResult run(String command, String only, String output) {
		return run(command, only, output, 1);
	}

	private CommandResult run(String command, String only, String output, int parallelism) {
		TargetEngines targets = this.context.getBean(TargetEngines.class);
		return new MigrationCommandRunner(this.context.getBean(MigrationEngine.class), command, null, output,
				new GenericApplicationContext(), System.out, System.err, (status) -> {
				})
			.withTargets(targets::engines, only, parallelism)
			.execute();
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class App {

	}

}
