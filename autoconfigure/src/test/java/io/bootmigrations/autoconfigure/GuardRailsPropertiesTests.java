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

import java.util.Arrays;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.bootmigrations.lint.LintRule;
import io.bootmigrations.lint.Linter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code migrations.lint.*} and {@code migrations.postgresql.*} settings:
 * bad values stop startup naming the property.
 */
class GuardRailsPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	@Test
	void defaultsGiveALinterWithoutSuppressions() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(Linter.class));
	}

	@Test
	void metadataHintsNameEveryLintRule() throws Exception {
		try (var metadata = getClass().getResourceAsStream("/META-INF/additional-spring-configuration-metadata.json")) {
			List<String> hinted = JsonPath.read(metadata,
					"$.hints[?(@.name == 'migrations.lint.suppress.keys')].values[*].value");
			assertThat(hinted).containsExactlyElementsOf(Arrays.stream(LintRule.values()).map(LintRule::id).toList());
		}
	}

	@Test
	void negativeLockRetriesFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.postgresql.lock-retries=-1")
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains("migrations.postgresql.lock-retries must be 0 or more"));
	}

	@Test
	void negativeLockTimeoutOrZeroStatementTimeoutFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("migrations.postgresql.lock-timeout=-1s", "migrations.postgresql.statement-timeout=0s")
			.run((context) -> assertThat(messages(context.getStartupFailure()))
				.contains(
						"migrations.postgresql.lock-timeout must be a duration such as 10s, or 0 to turn the guard off")
				.contains("migrations.postgresql.statement-timeout must be a positive duration"));
	}

	@Test
	void suppressingAnUnknownRuleFailsStartupNamingThePropertyAndTheRules() {
		this.contextRunner.withPropertyValues("migrations.lint.suppress.index-not-concurent=typo")
			.run((context) -> assertThat(messages(context.getStartupFailure())).contains("migrations.lint.suppress")
				.contains("Unknown lint rule 'index-not-concurent'")
				.contains("index-not-concurrent"));
	}

	@Test
	void unknownOnBootValueFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("migrations.lint.on-boot=sometimes")
			.run((context) -> assertThat(messages(context.getStartupFailure())).contains("migrations.lint.on-boot"));
	}

	private static String messages(Throwable failure) {
		assertThat(failure).isNotNull();
		return MigrationsPropertiesTests.messages(failure);
	}

}
