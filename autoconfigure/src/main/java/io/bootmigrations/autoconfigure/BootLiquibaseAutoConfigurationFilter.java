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

import java.util.Arrays;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * Keeps Boot's {@code LiquibaseAutoConfiguration} out where
 * {@link MigrationsAutoConfiguration} takes its place. Boot's backs off only when a
 * {@code SpringLiquibase} bean exists, and the starter defines none: creating one starts
 * Liquibase, which a restart with nothing to apply never needs. Both auto-configurations
 * back off in the same cases otherwise (no data source, a {@code SpringLiquibase} bean of
 * the application's own, {@code spring.liquibase.enabled=false}, Liquibase missing); with
 * {@code migrations.enabled=false} Boot's own support stays, and where the starter's
 * auto-configuration is not imported at all (a test slice listing Boot's alone) nothing
 * changes. Ordered first, so that Boot's class conditions are not even probed for it.
 */
final class BootLiquibaseAutoConfigurationFilter implements AutoConfigurationImportFilter, EnvironmentAware, Ordered {

	static final String BOOT_LIQUIBASE = "org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration";

	private static final String MIGRATIONS = MigrationsAutoConfiguration.class.getName();

	private boolean migrationsEnabled = true;

	@Override
	public void setEnvironment(Environment environment) {
		this.migrationsEnabled = environment.getProperty("migrations.enabled", Boolean.class, true);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean replaced = this.migrationsEnabled && Arrays.asList(autoConfigurationClasses).contains(MIGRATIONS);
		boolean[] match = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			match[i] = !(replaced && BOOT_LIQUIBASE.equals(autoConfigurationClasses[i]));
		}
		return match;
	}

}
