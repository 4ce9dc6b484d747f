package io.bootmigrations.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
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
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(MigrationEngine.class)
@ConditionalOnEnabledHealthIndicator("migrations")
@Conditional(OnManagedModeCondition.class)
public final class MigrationsHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "migrationsHealthIndicator")
	MigrationsHealthIndicator migrationsHealthIndicator(MigrationEngine migrationEngine,
			MigrationsProperties properties, ObjectProvider<TargetEngines> targets) {
		return new MigrationsHealthIndicator(migrationEngine, properties.getHealth().isDownOnUnexpected(),
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

}
