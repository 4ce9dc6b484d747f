package io.bootmigrations.autoconfigure;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

import io.bootmigrations.command.DeveloperOptions;
import io.bootmigrations.command.MigrationCommandRunner;
import io.bootmigrations.engine.MigrationEngine;

/**
 * Runs the operator command named by {@code migrations.command} (also
 * {@code MIGRATIONS_COMMAND}) instead of the application, then exits. The
 * {@link io.bootmigrations.command.MigrationCommandEnvironmentPostProcessor} has already
 * turned the web server and the migration on boot off.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnProperty("migrations.command")
public final class MigrationCommandAutoConfiguration {

	@Bean
	MigrationCommandRunner migrationCommandRunner(ObjectProvider<MigrationEngine> engine, Environment environment,
			ApplicationContext context) {
		return new MigrationCommandRunner(engine.getIfAvailable(),
				environment.getRequiredProperty("migrations.command"),
				environment.getProperty("migrations.target"), environment.getProperty("migrations.output", "text"),
				context, MigrationCommandRunner.resultStream(), System.err, System::exit)
			.withOptions(new DeveloperOptions(environment.getProperty("migrations.message"),
					environment.getProperty("migrations.verbose", Boolean.class, false),
					environment.getProperty("migrations.autogenerate", Boolean.class, false),
					environment.getProperty("migrations.revision.directory"),
					environment.getProperty("migrations.revision.author")))
			.withEntityCheck(environment.getProperty("migrations.check.entities", Boolean.class, true));
	}

}
