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

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.bootmigrations.actuate.MigrationsEndpoint;
import io.bootmigrations.schema.DriftCheck;
import io.bootmigrations.schema.DriftWarnings;
import io.bootmigrations.schema.RollbackVerification;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the wiring of {@link MigrationsSchemaAutoConfiguration}. H2 in memory: the
 * checks themselves are tested on PostgreSQL in {@code io.bootmigrations.schema}.
 */
class MigrationsSchemaAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
				MigrationsSchemaAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class,
				DataSourceAutoConfiguration.class, EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"management.endpoints.web.exposure.include=migrations");

	@Test
	void driftCheckAndRollbackVerificationWithoutDriftOnBoot() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DriftCheck.class)
			.hasSingleBean(RollbackVerification.class)
			.doesNotHaveBean(DriftWarnings.class));
	}

	@Test
	void driftOnBootWarnAddsTheListener() {
		this.contextRunner.withPropertyValues("migrations.drift.on-boot=warn")
			.run((context) -> assertThat(context).hasSingleBean(DriftWarnings.class));
	}

	@Test
	void invalidDriftOnBootValueFailsTheStart() {
		this.contextRunner.withPropertyValues("migrations.drift.on-boot=fail")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void backsOffWithoutTheEngine() {
		this.contextRunner.withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DriftCheck.class)
				.doesNotHaveBean(RollbackVerification.class));
	}

	@Test
	@SuppressWarnings("unchecked")
	void endpointAnswersDriftWithTheCheckAndSaysWhyItCannotRunHere() {
		this.contextRunner.run((context) -> {
			WebEndpointResponse<Object> response = context.getBean(MigrationsEndpoint.class)
				.changeSets("drift", null, null, null);
			assertThat(response.getStatus()).isEqualTo(WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
			assertThat((Map<String, Object>) response.getBody()).hasEntrySatisfying("error",
					(error) -> assertThat(error.toString()).contains("PostgreSQL only", "H2"));
		});
	}

}
