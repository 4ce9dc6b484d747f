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

import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for how {@link MigrationEngine} locks runs on a real MariaDB
 * database, where the lock is a named lock ({@code GET_LOCK}).
 */
class MigrationEngineMariaDbLockingIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.mariadb().create("locking");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void namedLockReplacesLiquibasesLockTable() {
		MigrationEngine engine = engine();
		assertThat(engine.migrate().applied()).isEqualTo(3);
		assertThat(this.database.tables()).contains("databasechangelog", "customer")
			.doesNotContain("databasechangeloglock");
		assertThat(engine.status().lock().strategy()).isEqualTo("mariadb-named");
		assertThat(engine.status().lock().staleLiquibaseLock()).isFalse();
		assertThat(this.database.jdbc()
			.queryForObject("SELECT IS_USED_LOCK('boot-migrations:" + this.database.name() + ".databasechangelog')",
					Long.class))
			.isNull();
	}

	@Test
	void staleLiquibaseLockRowDoesNotBlockAndIsReported() {
		this.database.execute(
				"CREATE TABLE DATABASECHANGELOGLOCK (ID INT PRIMARY KEY, LOCKED BOOLEAN NOT NULL, "
						+ "LOCKGRANTED DATETIME, LOCKEDBY VARCHAR(255))",
				"INSERT INTO DATABASECHANGELOGLOCK VALUES (1, TRUE, NOW(), 'old-pod (10.0.0.7)')");
		MigrationEngine engine = engine();
		assertThat(engine.migrate().applied()).isEqualTo(3);
		assertThat(engine.status().lock().staleLiquibaseLock()).isTrue();
	}

	private MigrationEngine engine() {
		return new MigrationEngine(this.database.dataSource(),
				MigrationSettings.forChangeLog("db/engine/three.xml").build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
	}

}
