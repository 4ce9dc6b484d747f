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

package io.bootmigrations.engine.fastpath;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.RunReport;

/**
 * One replica for {@link FastPathReplicasIntegrationTests}: a JVM of its own that
 * migrates with the fast path and prints what it did. Connection details come from the
 * environment so that no credential appears on a command line.
 */
public final class FastPathReplica {

	private FastPathReplica() {
	}

	public static void main(String[] args) throws Exception {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(System.getenv("REPLICA_URL"),
				System.getenv("REPLICA_USER"), System.getenv("REPLICA_PASSWORD"));
		URLClassLoader classLoader = new URLClassLoader(new URL[] { Path.of(args[0]).toUri().toURL() },
				FastPathReplica.class.getClassLoader());
		MigrationSettings settings = MigrationSettings.forChangeLog(args[1]).build();
		MigrationEngine engine = new MigrationEngine(dataSource, settings,
				new SpringResourceAccessor(new DefaultResourceLoader(classLoader)), List.of(), new FastPath(settings));
		RunReport report = engine.migrate();
		System.out.println("REPLICA applied=" + report.applied() + " outcome=" + report.outcome());
	}

}
