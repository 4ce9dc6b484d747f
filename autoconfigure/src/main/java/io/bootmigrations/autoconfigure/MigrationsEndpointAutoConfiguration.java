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
 * switched off).
 */
@AutoConfiguration(after = { MigrationsAutoConfiguration.class, MigrationsSchemaAutoConfiguration.class })
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(MigrationEngine.class)
@ConditionalOnAvailableEndpoint(MigrationsEndpoint.class)
public final class MigrationsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsEndpoint migrationsEndpoint(MigrationEngine migrationEngine, MigrationsProperties properties,
			ObjectProvider<DriftCheck> driftCheck, ObjectProvider<TargetEngines> targets) {
		return new MigrationsEndpoint(migrationEngine, properties.getHealth().isDownOnUnexpected(),
				driftCheck.getIfAvailable(), () -> MigrationTargetsConfiguration.statuses(targets.getIfAvailable()),
				(id) -> MigrationTargetsConfiguration.engine(targets.getIfAvailable(), id));
	}

}
