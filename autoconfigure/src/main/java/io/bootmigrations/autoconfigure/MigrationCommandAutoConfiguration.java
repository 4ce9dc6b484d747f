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

import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

import io.bootmigrations.autoconfigure.properties.RevisionProperties;
import io.bootmigrations.command.DeveloperOptions;
import io.bootmigrations.command.MigrationCommandRunner;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.TargetEngines;

/**
 * Runs the operator command named by {@code migrations.command} (also
 * {@code MIGRATIONS_COMMAND}) instead of the application, then exits. The
 * {@link io.bootmigrations.command.MigrationCommandEnvironmentPostProcessor} has already
 * turned the web server and the migration on boot off. The command and its options are
 * read from {@link MigrationsProperties}, bound here too since the command must also
 * answer when Boot Migrations itself is off.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class)
@ConditionalOnProperty("migrations.command")
@EnableConfigurationProperties(MigrationsProperties.class)
public final class MigrationCommandAutoConfiguration {

	@Bean
	MigrationCommandRunner migrationCommandRunner(ObjectProvider<MigrationEngine> engine,
			MigrationsProperties properties, ApplicationContext context, ObjectProvider<TargetEngines> targets) {
		RevisionProperties revision = properties.getRevision();
		return new MigrationCommandRunner(engine.getIfAvailable(), String.valueOf(properties.getCommand()),
				properties.getTarget(), properties.getOutput().name().toLowerCase(Locale.ROOT), context,
				MigrationCommandRunner.resultStream(), System.err, System::exit)
			.withOptions(new DeveloperOptions(properties.getMessage(), properties.isVerbose(),
					properties.isAutogenerate(), revision.getDirectory(), revision.getAuthor()))
			.withEntityCheck(properties.getCheck().isEntities())
			.withTargets(() -> MigrationTargetsConfiguration.engines(targets.getIfAvailable()), properties.getOnly(),
					properties.getParallelism());
	}

}
