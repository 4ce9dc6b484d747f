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

import liquibase.change.DatabaseChange;
import liquibase.integration.spring.SpringLiquibase;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.ConfigurationPropertyState;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.AnnotatedTypeMetadata;

import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.targets.TargetEngines;

/**
 * The targets of {@code migrations.targets.*} without the {@code default} one (issue
 * #11): {@code spring.liquibase.enabled=false} removes the application's own target only,
 * so that a service whose own DataSource is migrated elsewhere still migrates its other
 * databases and tenant schemas on boot, with the same health verdict. With
 * {@code default} active, {@link MigrationsAutoConfiguration} imports the same
 * configuration.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = { DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class })
@ConditionalOnClass({ SpringLiquibase.class, DatabaseChange.class })
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "spring.liquibase.enabled", havingValue = false)
@ConditionalOnMissingBean(TargetEngines.class)
@Conditional(MigrationTargetsAutoConfiguration.OnDeclaredTargetsCondition.class)
@EnableConfigurationProperties({ MigrationsProperties.class, LiquibaseProperties.class })
@Import({ DatabaseInitializationDependencyConfigurer.class, MigrationTargetsConfiguration.class })
public final class MigrationTargetsAutoConfiguration {

	/**
	 * The starter's one scheduler, which {@link MigrationsAutoConfiguration} defines when
	 * the {@code default} target is active.
	 */
	@Bean
	MigrationScheduler migrationScheduler() {
		return new MigrationScheduler();
	}

	/**
	 * Matches when a property under {@code migrations.targets} is set.
	 */
	static final class OnDeclaredTargetsCondition extends SpringBootCondition {

		private static final ConfigurationPropertyName TARGETS = ConfigurationPropertyName.of("migrations.targets");

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			for (ConfigurationPropertySource source : ConfigurationPropertySources.get(context.getEnvironment())) {
				if (source.containsDescendantOf(TARGETS) == ConfigurationPropertyState.PRESENT) {
					return ConditionOutcome.match("migrations.targets.* is set");
				}
			}
			return ConditionOutcome.noMatch("no migrations.targets.* property");
		}

	}

}
