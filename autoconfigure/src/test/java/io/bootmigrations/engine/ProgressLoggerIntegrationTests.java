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

package io.bootmigrations.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProgressLogger} following a real run with a slow changeset on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProgressLoggerIntegrationTests {

	private TestDatabase database;

	private final MigrationScheduler scheduler = new MigrationScheduler();

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("progress");
	}

	@AfterEach
	void dropDatabase() {
		this.scheduler.close();
		this.database.close();
	}

	@Test
	void longRunLogsDoneTotalAndTheChangeSetBeingApplied(CapturedOutput output) {
		AtomicReference<MigrationEngine> engine = new AtomicReference<>();
		ProgressLogger progress = new ProgressLogger(() -> engine.get().status(), Duration.ofMillis(500),
				this.scheduler);
		engine.set(new MigrationEngine(this.database.dataSource(),
				MigrationSettings.forChangeLog("db/actuate/slow.xml").build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(progress)));
		engine.get().migrate();
		assertThat(output).contains("Migrations: update in progress, 1/3 changesets done; applying "
				+ "db/actuate/slow.xml::slow-backfill::alice");
		int linesWhileRunning = count(output.toString(), "Migrations: update in progress");
		assertThat(linesWhileRunning).isBetween(2, 8);
		assertThat(this.scheduler.scheduledTasks()).as("progress task cancelled with the run").isZero();
	}

	@Test
	void shortRunLogsNoProgress(CapturedOutput output) {
		AtomicReference<MigrationEngine> engine = new AtomicReference<>();
		ProgressLogger progress = new ProgressLogger(() -> engine.get().status(), Duration.ofSeconds(5),
				this.scheduler);
		engine.set(new MigrationEngine(this.database.dataSource(),
				MigrationSettings.forChangeLog("db/engine/three.xml").build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(progress)));
		engine.get().migrate();
		assertThat(output).contains("Migrations: applied 3 changesets").doesNotContain("in progress");
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int index = text.indexOf(part); index >= 0; index = text.indexOf(part, index + 1)) {
			count++;
		}
		return count;
	}

}
