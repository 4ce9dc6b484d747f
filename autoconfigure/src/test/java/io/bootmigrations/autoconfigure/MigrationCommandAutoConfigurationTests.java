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

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.bootmigrations.autoconfigure.properties.Output;
import io.bootmigrations.command.MigrationCommandRunner;
import io.bootmigrations.engine.MigrationEngine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationCommandAutoConfiguration}, on an in-memory H2 database: the
 * wiring, and the runner's exit status and output in this JVM. Commands against
 * PostgreSQL from the jar are tested in the sample app.
 */
class MigrationCommandAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
				MigrationCommandAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrations.mode=off");

	@Test
	void noRunnerWithoutACommand() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationCommandRunner.class));
	}

	@Test
	void runnerWhenACommandIsSet() {
		this.contextRunner.withPropertyValues("migrations.command=status")
			.run((context) -> assertThat(context).hasSingleBean(MigrationCommandRunner.class));
	}

	@Test
	void commandOptionsAreTypedPropertiesWithRelaxedBinding() {
		this.contextRunner
			.withPropertyValues("migrations.command=history", "migrations.output=JSON", "migrations.verbose=true",
					"migrations.revision.author=ada")
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationCommandRunner.class);
				MigrationsProperties properties = context.getBean(MigrationsProperties.class);
				assertThat(properties.getOutput()).isEqualTo(Output.JSON);
				assertThat(properties.getRevision().getAuthor()).isEqualTo("ada");
			});
	}

	@Test
	void anUnknownOutputFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.command=status", "migrations.output=xml")
			.run((context) -> assertThat(context).hasFailed().getFailure().rootCause().hasMessageContaining("xml"));
		this.contextRunner.withPropertyValues("migrations.command=status", "migrations.output=xml")
			.run((context) -> assertThat(context.getStartupFailure()).hasStackTraceContaining("migrations.output"));
	}

	@Test
	void runnerPrintsTheResultAndExitsWithItsStatus() {
		this.contextRunner.run((context) -> {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			ByteArrayOutputStream err = new ByteArrayOutputStream();
			AtomicInteger exit = new AtomicInteger(-1);
			new MigrationCommandRunner(context.getBean(MigrationEngine.class), "check", null, "json", context,
					new PrintStream(out, true, StandardCharsets.UTF_8),
					new PrintStream(err, true, StandardCharsets.UTF_8), exit::set)
				.run(new DefaultApplicationArguments());
			assertThat(exit).hasValue(1);
			assertThat(out.toString(StandardCharsets.UTF_8))
				.startsWith("{\"command\":\"check\",\"exitCode\":1,\"ok\":false")
				.contains("\"id\":\"1\"");
			assertThat(err.size()).isZero();
		});
	}

	@Test
	void commandWithoutBootMigrationsIsAnError() {
		this.contextRunner.withPropertyValues("migrations.enabled=false", "migrations.command=status")
			.run((context) -> {
				ByteArrayOutputStream err = new ByteArrayOutputStream();
				AtomicInteger exit = new AtomicInteger(-1);
				new MigrationCommandRunner(null, "status", null, "text", context, System.out,
						new PrintStream(err, true, StandardCharsets.UTF_8), exit::set)
					.run(new DefaultApplicationArguments());
				assertThat(exit).hasValue(2);
				assertThat(err.toString(StandardCharsets.UTF_8)).contains("Boot Migrations is not active");
			});
	}

}
