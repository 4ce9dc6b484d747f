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

import javax.sql.DataSource;

import liquibase.integration.spring.SpringResourceAccessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import io.bootmigrations.autoconfigure.properties.ScratchProperties;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.schema.DriftCheck;
import io.bootmigrations.schema.DriftWarnings;
import io.bootmigrations.schema.RollbackVerification;
import io.bootmigrations.schema.ScratchSpace;

/**
 * Trust in the schema: the drift check ({@code --migrations.command=drift},
 * {@code /actuator/migrations/drift}, {@code migrations.drift.on-boot}) and the rollback
 * verification ({@code --migrations.command=verify-rollbacks}), both replaying the
 * changelog in scratch databases of {@code migrations.scratch.url} or of the migration's
 * own server.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnBean(MigrationEngine.class)
public final class MigrationsSchemaAutoConfiguration {

	private static final String SCRATCH_URL = "migrations.scratch.url";

	@Bean
	@ConditionalOnMissingBean
	DriftCheck migrationsDriftCheck(MigrationEngine migrationEngine, ResourceLoader resourceLoader,
			MigrationsProperties properties) {
		return new DriftCheck(migrationEngine.dataSource(), migrationEngine.settings(),
				new SpringResourceAccessor(resourceLoader), scratchSpace(migrationEngine, properties),
				properties.getDrift().getExclude());
	}

	@Bean
	@ConditionalOnMissingBean
	RollbackVerification migrationsRollbackVerification(MigrationEngine migrationEngine, ResourceLoader resourceLoader,
			MigrationsProperties properties) {
		MigrationSettings settings = migrationEngine.settings();
		return new RollbackVerification(settings, new SpringResourceAccessor(resourceLoader),
				scratchSpace(migrationEngine, properties),
				(settings.defaultSchema() != null) ? settings.defaultSchema() : "public");
	}

	@Bean
	@ConditionalOnProperty(name = "migrations.drift.on-boot", havingValue = "warn")
	static DriftWarnings migrationsDriftWarnings(ObjectProvider<DriftCheck> driftCheck) {
		return new DriftWarnings(driftCheck::getObject);
	}

	static ScratchSpace scratchSpace(MigrationEngine engine, MigrationsProperties properties) {
		ScratchProperties scratch = properties.getScratch();
		if (scratch.getUrl() == null) {
			return new ScratchSpace(engine.dataSource(), SCRATCH_URL);
		}
		DataSource server = DataSourceBuilder.create()
			.type(SimpleDriverDataSource.class)
			.url(scratch.getUrl())
			.username(scratch.getUsername())
			.password(scratch.getPassword())
			.build();
		return new ScratchSpace(server, SCRATCH_URL);
	}

}
