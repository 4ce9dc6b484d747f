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

import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.Safeguards;
import io.bootmigrations.lock.LockStrategy;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path on MariaDB, whose table names are case-sensitive and whose text type
 * differs: the fingerprint table is created, matched and invalidated there too.
 */
class FastPathMariaDbIntegrationTests {

	private static final Safeguards WITNESS = new Safeguards(LockStrategy.LIQUIBASE,
			Safeguards.DEFAULT_LOCK_WAIT_TIMEOUT, Safeguards.DEFAULT_WAIT_FOR_DATABASE);

	private final MigrationSettings settings = MigrationSettings.forChangeLog("db/engine/three.xml").build();

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.mariadb().create("fastpath");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void restartWithNothingChangedSkipsLiquibase() {
		assertThat(engine().migrate().applied()).isEqualTo(3);
		this.database.execute("DROP TABLE DATABASECHANGELOGLOCK");
		MigrationEngine restarted = engine();
		assertThat(restarted.migrate().applied()).isZero();
		assertThat(this.database.tables()).doesNotContain("databasechangeloglock");
		assertThat(restarted.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(restarted.status().applied()).extracting(ChangeSetInfo::id).containsExactly("1", "2", "3");
	}

	@Test
	void rowDeletedByOthersIsAppliedAgain() {
		engine().migrate();
		this.database.execute("DELETE FROM customer", "DELETE FROM DATABASECHANGELOG WHERE ID = '3'");
		assertThat(engine().migrate().applied()).isOne();
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM customer", Integer.class)).isOne();
	}

	private MigrationEngine engine() {
		// Liquibase's table lock, so that its lock table witnesses whether Liquibase ran
		return new MigrationEngine(this.database.dataSource(), this.settings,
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(), WITNESS,
				new FastPath(this.settings));
	}

}
