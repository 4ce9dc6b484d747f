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
				driftCheck.getIfAvailable(), () -> MigrationTargetsConfiguration.engines(targets.getIfAvailable()));
	}

}
