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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.Safeguards;
import io.bootmigrations.lock.LockStrategy;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsProperties}: binding into the engine, and validation that
 * stops startup naming the property.
 */
class MigrationsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void defaultsUseTheDatabasesLockAndWaitAMinuteForTheDatabase() {
		this.contextRunner.run((context) -> assertThat(context.getBean(MigrationEngine.class).safeguards())
			.isEqualTo(new Safeguards(LockStrategy.AUTO, Duration.ofMinutes(5), Duration.ofSeconds(60))));
	}

	@Test
	void lockAndStartupSettingsReachTheEngine() {
		this.contextRunner
			.withPropertyValues("migrations.lock.strategy=liquibase", "migrations.lock.wait-timeout=90s",
					"migrations.startup.wait-for-database=0")
			.run((context) -> assertThat(context.getBean(MigrationEngine.class).safeguards())
				.isEqualTo(new Safeguards(LockStrategy.LIQUIBASE, Duration.ofSeconds(90), Duration.ZERO)));
	}

	@Test
	void unknownLockStrategyFailsStartupNamingThePropertyAndTheChoices() {
		this.contextRunner.withPropertyValues("migrations.lock.strategy=table").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("table");
			assertThat(messages(context.getStartupFailure())).contains("migrations.lock.strategy");
		});
	}

	@Test
	void nonPositiveLockWaitTimeoutFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.lock.wait-timeout=0s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("migrations.lock.wait-timeout")
				.contains("must be a positive duration");
		});
	}

	@Test
	void negativeWaitForDatabaseFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.startup.wait-for-database=-5s").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("migrations.startup.wait-for-database")
				.contains("or 0 to fail at once");
		});
	}

	@Test
	void unparsableDurationFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.lock.wait-timeout=five minutes").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(messages(context.getStartupFailure())).contains("migrations.lock.wait-timeout");
		});
	}

	static String messages(Throwable failure) {
		StringBuilder text = new StringBuilder();
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			text.append(candidate.getMessage()).append('\n');
			if (candidate instanceof org.springframework.boot.context.properties.bind.validation.BindValidationException validation) {
				validation.getValidationErrors()
					.forEach((error) -> text.append(error.getDefaultMessage()).append('\n'));
			}
		}
		return text.toString();
	}

}
