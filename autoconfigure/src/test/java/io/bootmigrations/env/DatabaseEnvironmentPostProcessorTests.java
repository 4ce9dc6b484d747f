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

package io.bootmigrations.env;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatabaseEnvironmentPostProcessor}.
 */
class DatabaseEnvironmentPostProcessorTests {

	private final DatabaseEnvironmentPostProcessor postProcessor = new DatabaseEnvironmentPostProcessor();

	@Test
	void setsTheDatasourceFromDatabaseUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL",
				"postgres://app:pw@db:5432/notes?sslmode=require");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db:5432/notes?sslmode=require");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
	}

	@Test
	void backsOffWhenSpringDatasourceUrlIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", "not a url at all")
			.withProperty("spring.datasource.url", "jdbc:h2:mem:x");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:x");
		assertThat(environment.getPropertySources().contains(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
	}

	@Test
	void addsNothingWithoutDatabaseVariables() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
	}

}
