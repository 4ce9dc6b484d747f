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

import jakarta.persistence.EntityManagerFactory;
import liquibase.integration.spring.SpringResourceAccessor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

import io.bootmigrations.autogenerate.EntityComparison;
import io.bootmigrations.autogenerate.HibernateEntityModel;
import io.bootmigrations.engine.MigrationEngine;

/**
 * The JPA entities as the model of the schema, for the commands only:
 * {@code revision --migrations.autogenerate=true} and the entity part of {@code check}.
 * Keeps Hibernate's boot metadata of Boot's entity manager factory and compares the
 * schema it needs with the changelog's in scratch databases.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass({ HibernatePropertiesCustomizer.class, EntityManagerFactory.class })
@ConditionalOnProperty("migrations.command")
@ConditionalOnBean(MigrationEngine.class)
public final class MigrationsAutogenerateAutoConfiguration {

	@Bean
	HibernateEntityModel migrationsEntityModel(ObjectProvider<EntityManagerFactory> entityManagerFactory) {
		return new HibernateEntityModel(entityManagerFactory::getIfAvailable);
	}

	@Bean
	EntityComparison migrationsEntityComparison(MigrationEngine migrationEngine, ResourceLoader resourceLoader,
			MigrationsProperties properties, HibernateEntityModel migrationsEntityModel) {
		return new EntityComparison(migrationEngine.settings(), new SpringResourceAccessor(resourceLoader),
				MigrationsSchemaAutoConfiguration.scratchSpace(migrationEngine, properties), migrationsEntityModel);
	}

}
