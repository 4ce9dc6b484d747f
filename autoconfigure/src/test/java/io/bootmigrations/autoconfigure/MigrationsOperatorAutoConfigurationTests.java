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

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.AvailabilityProbesAutoConfiguration;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.application.AvailabilityHealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import io.bootmigrations.actuate.MigrationMetrics;
import io.bootmigrations.actuate.MigrationsEndpoint;
import io.bootmigrations.actuate.MigrationsHealthIndicator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the wiring of the endpoint, health and metrics auto-configurations. H2 in
 * memory: behaviour on a real database and over HTTP is in the integration tests.
 */
class MigrationsOperatorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class,
				MigrationsMetricsAutoConfiguration.class, DataSourceAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true",
				"management.endpoints.web.exposure.include=health,migrations");

	@Test
	void exposedEndpointAndHealthIndicatorInTheReadinessGroup() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(MigrationsEndpoint.class).hasSingleBean(MigrationsHealthIndicator.class);
			HealthEndpointGroups groups = context.getBean(HealthEndpointGroups.class);
			HealthEndpointGroup readiness = groups.get("readiness");
			assertThat(readiness.isMember("migrations")).isTrue();
			assertThat(readiness.isMember("readinessState")).isTrue();
			assertThat(readiness.isMember("livenessState")).isFalse();
			assertThat(groups.get("liveness").isMember("migrations")).isFalse();
			assertThat(groups.get("liveness").isMember("livenessState")).isTrue();
		});
	}

	@Test
	void endpointBacksOffWhenNotExposedOrAccessIsNone() {
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void healthIndicatorCanBeSwitchedOffAndThenIsNotInReadiness() {
		this.contextRunner.withPropertyValues("management.health.migrations.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsHealthIndicator.class);
			assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("migrations")).isFalse();
		});
	}

	@Test
	void userReadinessIncludeIsNotOverridden() {
		this.contextRunner.withPropertyValues("management.endpoint.health.group.readiness.include=readinessState")
			.run((context) -> {
				HealthEndpointGroup readiness = context.getBean(HealthEndpointGroups.class).get("readiness");
				assertThat(readiness.isMember("migrations")).isFalse();
				assertThat(readiness.isMember("readinessState")).isTrue();
			});
	}

	@Test
	void applicationWithoutDataSourceStartsWithActuator() {
		new WebApplicationContextRunner().withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthAutoConfiguration.class,
				MigrationsMetricsAutoConfiguration.class, EndpointAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				HealthEndpointAutoConfiguration.class, AvailabilityProbesAutoConfiguration.class,
				AvailabilityHealthContributorAutoConfiguration.class, ApplicationAvailabilityAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.withBean(SimpleMeterRegistry.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.doesNotHaveBean(MigrationsHealthIndicator.class)
					.doesNotHaveBean(MigrationsEndpoint.class);
				assertThat(context.getBean(HealthEndpointGroups.class).get("readiness").isMember("migrations"))
					.isFalse();
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				context.getBean(MigrationMetrics.class).bindTo(registry);
				assertThat(registry.get("migrations.changesets.pending").gauge().value()).isNaN();
			});
	}

	@Test
	void withoutHealthOnTheClasspathTheRestStillWorks() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationsHealthIndicator.class)
				.hasSingleBean(MigrationsEndpoint.class));
	}

	@Test
	void metricsNeedAMeterRegistry() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(MigrationMetrics.class));
		this.contextRunner.withBean(SimpleMeterRegistry.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationMetrics.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			context.getBean(MigrationMetrics.class).bindTo(registry);
			assertThat(registry.get("migrations.changesets.pending").tag("target", "default").gauge().value()).isZero();
			assertThat(registry.get("migrations.runs").tag("outcome", "succeeded").timer().count()).isOne();
			assertThat(registry.get("migrations.changesets.applied").counter().count()).isEqualTo(2.0);
		});
	}

}
