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

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationCommandEnvironmentPostProcessor}.
 */
class MigrationCommandEnvironmentPostProcessorTests {

	private final MigrationCommandEnvironmentPostProcessor postProcessor = new MigrationCommandEnvironmentPostProcessor();

	@Test
	void commandRunHasNoWebServerNoBootMigrationAndAQuietConsole() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.command", "status")
			.withProperty("migrations.mode", "migrate")
			.withProperty("spring.main.web-application-type", "servlet");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.main.web-application-type")).isEqualTo("none");
		assertThat(environment.getProperty("migrations.mode")).isEqualTo("off");
		assertThat(environment.getProperty("spring.main.banner-mode")).isEqualTo("off");
		assertThat(environment.getProperty("logging.threshold.console")).isEqualTo("WARN");
	}

	@Test
	void hibernateNeitherValidatesNorAltersTheSchemaDuringACommand() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.command", "status")
			.withProperty("spring.jpa.hibernate.ddl-auto", "validate")
			.withProperty("spring.jpa.properties.hibernate.hbm2ddl.auto", "update");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.hibernate.ddl-auto")).isEqualTo("none");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.hbm2ddl.auto")).isEqualTo("none");
	}

	@Test
	void jsonAndSqlOutputLogOnlyErrorsUnlessConfiguredOtherwise() {
		MockEnvironment json = new MockEnvironment().withProperty("migrations.command", "status")
			.withProperty("migrations.output", "JSON");
		this.postProcessor.postProcessEnvironment(json, new SpringApplication());
		assertThat(json.getProperty("logging.threshold.console")).isEqualTo("ERROR");
		MockEnvironment sql = new MockEnvironment().withProperty("migrations.command", "upgrade-sql")
			.withProperty("logging.threshold.console", "INFO");
		this.postProcessor.postProcessEnvironment(sql, new SpringApplication());
		assertThat(sql.getProperty("logging.threshold.console")).isEqualTo("INFO");
	}

	@Test
	void changesNothingWithoutACommand() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.command", " ");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(MigrationCommandEnvironmentPostProcessor.FORCED))
			.isFalse();
		assertThat(environment.getProperty("spring.main.web-application-type")).isNull();
	}

}
