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

import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.liquibase.actuate.endpoint.LiquibaseEndpoint;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseEndpointAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.support.GenericApplicationContext;

import io.bootmigrations.engine.MigrationSettings;

/**
 * Keeps Boot's {@code /actuator/liquibase} working beside the starter. Boot's endpoint
 * reports the application's {@code SpringLiquibase} beans, and the starter defines none
 * (see {@link MigrationsInitializer}), so Boot's auto-configuration would not create it:
 * this one creates Boot's endpoint over a view that holds one {@code SpringLiquibase}
 * named {@code liquibase}, configured like the {@link MigrationsInitializer}, created on
 * the first request.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class, before = LiquibaseEndpointAutoConfiguration.class)
@ConditionalOnClass({ ConditionalOnAvailableEndpoint.class, LiquibaseEndpoint.class })
@ConditionalOnBean(MigrationsInitializer.class)
@ConditionalOnAvailableEndpoint(LiquibaseEndpoint.class)
public final class MigrationsLiquibaseEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	LiquibaseEndpoint liquibaseEndpoint(ApplicationContext context, MigrationsInitializer initializer) {
		return new MigrationsLiquibaseEndpoint(context, initializer);
	}

	/**
	 * Boot's Liquibase endpoint over the {@link MigrationsInitializer}'s data source and
	 * settings.
	 */
	public static final class MigrationsLiquibaseEndpoint extends LiquibaseEndpoint {

		private final ApplicationContext context;

		private final MigrationsInitializer initializer;

		private @Nullable GenericApplicationContext view;

		MigrationsLiquibaseEndpoint(ApplicationContext context, MigrationsInitializer initializer) {
			super(context);
			this.context = context;
			this.initializer = initializer;
		}

		@Override
		@ReadOperation
		public LiquibaseBeansDescriptor liquibaseBeans() {
			return new LiquibaseEndpoint(view()).liquibaseBeans();
		}

		private synchronized ApplicationContext view() {
			GenericApplicationContext view = this.view;
			if (view == null) {
				view = new GenericApplicationContext();
				view.setId(this.context.getId());
				view.setParent(this.context.getParent());
				view.registerBean("liquibase", SpringLiquibase.class, this::springLiquibase,
						(definition) -> definition.setLazyInit(true));
				view.refresh();
				this.view = view;
			}
			return view;
		}

		private SpringLiquibase springLiquibase() {
			MigrationSettings settings = this.initializer.getEngine().settings();
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setDataSource(this.initializer.getDataSource());
			liquibase.setChangeLog(settings.changeLog());
			liquibase.setContexts(settings.contexts());
			liquibase.setLabelFilter(settings.labelFilter());
			liquibase.setDefaultSchema(settings.defaultSchema());
			liquibase.setLiquibaseSchema(settings.liquibaseSchema());
			liquibase.setLiquibaseTablespace(settings.liquibaseTablespace());
			liquibase.setDatabaseChangeLogTable(settings.changeLogTable());
			liquibase.setDatabaseChangeLogLockTable(settings.lockTable());
			liquibase.setChangeLogParameters(settings.parameters());
			liquibase.setTag(settings.tag());
			return liquibase;
		}

	}

}
