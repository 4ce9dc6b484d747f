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
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

import io.bootmigrations.actuate.MigrationMetrics;
import io.bootmigrations.actuate.MigrationsEndpoint;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.TargetListenerFactory;
import io.bootmigrations.engine.MigrationStatus;

/**
 * Micrometer metrics of migrations, when a {@link MeterRegistry} exists. Runs before
 * {@link MigrationsAutoConfiguration} so that the engine is created with the metrics
 * listener; the registry itself is only looked up when something is recorded.
 */
@AutoConfiguration(before = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(MeterRegistry.class)
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	MigrationMetrics migrationMetrics(ObjectProvider<MeterRegistry> registry, ObjectProvider<MigrationEngine> engine) {
		return new MigrationMetrics(registry::getObject, () -> statusOf(engine.getIfAvailable()),
				MigrationsEndpoint.DEFAULT_TARGET);
	}

	@Bean
	TargetListenerFactory migrationTargetMetrics(ObjectProvider<MeterRegistry> registry) {
		return (id, status) -> {
			MigrationMetrics metrics = new MigrationMetrics(registry::getObject, status, id);
			metrics.bindTo(registry.getObject());
			return metrics;
		};
	}

	private static @Nullable MigrationStatus statusOf(@Nullable MigrationEngine engine) {
		return (engine != null) ? engine.status() : null;
	}

}
