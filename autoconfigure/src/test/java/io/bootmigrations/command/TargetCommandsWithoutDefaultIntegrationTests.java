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
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Commands when {@code spring.liquibase.enabled=false} removed the {@code default} target
 * (issue #11): they run on the other targets, grouped per target, the exit status the
 * worst; the commands of the application's own database say why they cannot run.
 */
class TargetCommandsWithoutDefaultIntegrationTests {

	private TestDatabase database;

	private ConfigurableApplicationContext context;

	@BeforeEach
	void bootWithoutDefaultInCommandMode() {
		this.database = TestDatabaseServer.postgres().create("target_commands_nodefault");
		// a command creates no schema (migrations.mode=off prepares the targets without
		// creating theirs): the tenants' schemas exist, t_bad with a clashing table
		this.database.execute("CREATE SCHEMA t_a", "CREATE SCHEMA t_bad", "CREATE TABLE t_bad.account (id bigint)");
		SpringApplication application = new SpringApplication(TargetCommandsIntegrationTests.App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		// migrations.mode=off, as --migrations.command forces: the commands find the
		// targets unmigrated
		this.context = application.run("--spring.datasource.url=" + this.database.jdbcUrl(),
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password(), "--spring.liquibase.enabled=false",
				"--migrations.mode=off", "--migrations.targets.tenants.change-log=classpath:db/targets/tenant.yaml",
				"--migrations.targets.tenants.schemas=t_a,t_bad");
	}

	@AfterEach
	void close() {
		this.context.close();
		this.database.close();
	}

	@Test
	void statusAndUpgradeRunOnTheTargetsGroupedPerTargetWithTheWorstExitStatus() {
		assertThat(this.context.getBeanProvider(MigrationEngine.class).getIfAvailable()).isNull();
		CommandResult status = run("status", null, "text");
		assertThat(status.exitCode).isEqualTo(MigrationCommandRunner.SUCCESS);
		assertThat(status.text).contains("== tenants:t_a ==")
			.contains("== tenants:t_bad ==")
			.doesNotContain("== default ==");
		CommandResult upgrade = run("upgrade", null, "json");
		assertThat(upgrade.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(((Map<?, ?>) upgrade.json.get("targets")).keySet()).extracting(String::valueOf)
			.containsExactly("tenants:t_a", "tenants:t_bad");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM t_a.account", Integer.class)).isOne();
		CommandResult check = run("check", "tenants:t_a", "text");
		assertThat(check.exitCode).isEqualTo(MigrationCommandRunner.SUCCESS);
		assertThat(check.text).contains("== tenants:t_a ==").doesNotContain("t_bad");
	}

	@Test
	void onlyNamingTheRemovedDefaultAndTheCommandsOfTheOwnDatabaseAreRefused() {
		CommandResult only = run("status", "default", "text");
		assertThat(only.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(only.text).contains("--migrations.only: no target 'default'");
		CommandResult drift = run("drift", null, "text");
		assertThat(drift.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(drift.text).contains("spring.liquibase.enabled=false");
	}

	private CommandResult run(String command, String only, String output) {
		TargetEngines targets = this.context.getBean(TargetEngines.class);
		return new MigrationCommandRunner(null, command, null, output, new GenericApplicationContext(), System.out,
				System.err, (status) -> {
				})
			.withTargets(targets::engines, only, 1)
			.execute();
	}

}
