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

package io.bootmigrations.lock;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationLockContractTests} for {@link PostgresAdvisoryLock}.
 */
class PostgresAdvisoryLockIntegrationTests extends MigrationLockContractTests {

	@Override
	protected TestDatabase createDatabase(String prefix) {
		return TestDatabaseServer.postgres().create(prefix);
	}

	@Override
	protected MigrationLock lock(Connection connection, String table) throws SQLException {
		MigrationLock lock = MigrationLocks.forDatabase(LockStrategy.AUTO, connection, null, table);
		assertThat(lock).isInstanceOf(PostgresAdvisoryLock.class);
		return lock;
	}

	@Test
	void keyIsStableAndDependsOnSchemaAndTable() {
		assertThat(new PostgresAdvisoryLock("public", "DATABASECHANGELOG").key())
			.isEqualTo(new PostgresAdvisoryLock("PUBLIC", "databasechangelog").key())
			.isNotEqualTo(new PostgresAdvisoryLock("app", "databasechangelog").key())
			.isEqualTo(PostgresAdvisoryLock.key("public.databasechangelog"));
	}

}
