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

import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.RevisionTarget;

/**
 * A light JVM for the fault suite: the engine alone, without a Spring context, so that a
 * trial starts in a second. {@code cycle} upgrades to head and downgrades to base until
 * it is killed, printing {@code UPGRADE} or {@code DOWNGRADE} before each run;
 * {@code upgrade} migrates once and prints {@code DONE} or
 * {@code FAILED <kind>: <message>}.
 */
public final class FaultRunner {

	private FaultRunner() {
	}

	public static void main(String[] args) {
		String url = args[0];
		String changelog = args[1];
		MigrationEngine engine = new MigrationEngine(new DriverManagerDataSource(url),
				MigrationSettings.forChangeLog(changelog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
		try {
			if (args[2].equals("upgrade")) {
				engine.migrate();
				System.out.println("DONE");
				System.exit(0);
			}
			for (;;) {
				System.out.println("UPGRADE");
				engine.migrate();
				System.out.println("DOWNGRADE");
				engine.downgrade(RevisionTarget.BASE);
			}
		}
		catch (MigrationException ex) {
			System.out.println("FAILED " + ex.getFailure().kind() + ": " + ex.getFailure().message());
			System.exit(1);
		}
	}

}
