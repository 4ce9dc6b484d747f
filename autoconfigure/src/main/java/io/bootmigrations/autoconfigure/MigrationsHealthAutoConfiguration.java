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

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.bootmigrations.actuate.MigrationsHealthIndicator;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.TargetEngines;

/**
 * The {@code migrations} health indicator, and its membership of the readiness group
 * (never of liveness) unless {@code management.endpoint.health.group.readiness.include}
 * says otherwise.
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationTargetsAutoConfiguration.class })
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@Conditional({ MigrationsHealthAutoConfiguration.OnMigrationsCondition.class, OnManagedModeCondition.class })
public final class MigrationsHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(ObjectProvider<MigrationEngine> migrationEngine,
			MigrationsProperties properties, ObjectProvider<TargetEngines> targets) {
		return new MigrationsHealthIndicator(migrationEngine.getIfAvailable(),
				properties.getHealth().isDownOnUnexpected(),
				() -> MigrationTargetsConfiguration.statuses(targets.getIfAvailable()));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(HealthEndpointGroupsPostProcessor.class)
	static class ReadinessGroupConfiguration {

		@Bean
		static ReadinessGroupPostProcessor migrationsReadinessGroupPostProcessor(Environment environment) {
			return new ReadinessGroupPostProcessor(environment);
		}

	}

	/**
	 * Matches when there is something to judge: the {@code default} target's engine, or
	 * other targets without it ({@code spring.liquibase.enabled=false}).
	 */
	static final class OnMigrationsCondition extends AnyNestedCondition {

		OnMigrationsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(MigrationEngine.class)
		static final class DefaultTarget {

		}

		@ConditionalOnBean(TargetEngines.class)
		static final class OtherTargets {

		}

	}

}
