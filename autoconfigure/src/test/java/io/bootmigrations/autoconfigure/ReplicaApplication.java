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

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.RunReport;

/**
 * A minimal application that migrates on boot, started as a separate JVM by the process
 * tests. Prints {@code READY applied=<n> recorded=<m>} once the context has started, then
 * exits with 0; exits with 1 if startup failed.
 */
@Configuration(proxyBeanMethods = false)
@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
		LiquibaseAutoConfiguration.class })
public class ReplicaApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ReplicaApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		try (ConfigurableApplicationContext context = application.run(args)) {
			MigrationEngine engine = context.getBean(MigrationEngine.class);
			RunReport lastRun = engine.status().lastRun();
			System.out.println("READY applied=" + ((lastRun != null) ? lastRun.applied() : -1) + " recorded="
					+ engine.status().applied().size());
			System.out.flush();
		}
		catch (Throwable ex) {
			System.out.flush();
			System.exit(1);
		}
		System.exit(0);
	}

}
