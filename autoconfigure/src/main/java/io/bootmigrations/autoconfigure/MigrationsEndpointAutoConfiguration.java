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
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import io.bootmigrations.actuate.MigrationsEndpoint;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.schema.DriftCheck;

/**
 * The {@code migrations} actuator endpoint, when it is available (exposed and not
 * switched off): for the {@code default} target and the others, or for the others alone
 * when {@code spring.liquibase.enabled=false} removed {@code default} (issue #11).
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsSchemaAutoConfiguration.class,
		MigrationTargetsAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(MigrationEngine.class)
	MigrationsEndpoint migrationsEndpoint(MigrationEngine migrationEngine, MigrationsProperties properties,
			ObjectProvider<DriftCheck> driftCheck, ObjectProvider<TargetEngines> targets) {
		return new MigrationsEndpoint(migrationEngine, properties.getHealth().isDownOnUnexpected(),
				driftCheck.getIfAvailable(), () -> MigrationTargetsConfiguration.statuses(targets.getIfAvailable()),
				(id) -> MigrationTargetsConfiguration.engine(targets.getIfAvailable(), id));
	}

	/**
	 * The endpoint of the targets alone: no {@code default} engine, hence no drift check
	 * (which covers {@code default} only).
	 */
	@Bean
	@ConditionalOnMissingBean({ MigrationsEndpoint.class, MigrationEngine.class })
	@ConditionalOnBean(TargetEngines.class)
	MigrationsEndpoint migrationsTargetsEndpoint(TargetEngines targets, MigrationsProperties properties) {
		return new MigrationsEndpoint(null, properties.getHealth().isDownOnUnexpected(), null,
				() -> MigrationTargetsConfiguration.statuses(targets),
				(id) -> MigrationTargetsConfiguration.engine(targets, id));
	}

}
