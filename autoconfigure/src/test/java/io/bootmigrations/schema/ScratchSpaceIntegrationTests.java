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

package io.bootmigrations.schema;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Integration tests for {@link ScratchSpace} on real PostgreSQL: a clear error without
 * the privilege, and leftovers of killed runs dropped by the next run.
 */
class ScratchSpaceIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("scratch");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void userWithoutCreateDbGetsAnErrorNamingThePrivilegeAndTheSetting() {
		String role = "bm_nocreatedb_" + UUID.randomUUID().toString().substring(0, 8);
		this.database.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB");
		try {
			ScratchSpace space = new ScratchSpace(new DriverManagerDataSource(this.database.jdbcUrl(), role, ""),
					"migrations.scratch.url");
			assertThatIllegalStateException().isThrownBy(space::create)
				.withMessageContaining("lacks the CREATEDB privilege")
				.withMessageContaining("ALTER ROLE <user> CREATEDB")
				.withMessageContaining("set migrations.scratch.url");
		}
		finally {
			this.database.execute("DROP ROLE " + role);
		}
	}

	@Test
	void anotherDatabaseThanPostgresqlIsRefusedSayingSo() {
		try (TestDatabase mariadb = TestDatabaseServer.mariadb().create("scratch")) {
			ScratchSpace space = new ScratchSpace(mariadb.dataSource(), "migrations.scratch.url");
			assertThatIllegalStateException().isThrownBy(space::create)
				.withMessageContaining("the server is MariaDB")
				.withMessageContaining("support PostgreSQL only");
		}
	}

	@Test
	void scratchDatabaseIsDroppedWhenClosed() {
		ScratchSpace space = new ScratchSpace(this.database.dataSource(), "migrations.scratch.url");
		String name;
		try (ScratchDatabase scratch = space.create()) {
			name = scratch.name();
			assertThat(name).startsWith(ScratchSpace.PREFIX);
			assertThat(ScratchDatabases.on(this.database).names()).contains(name);
			assertThat(new org.springframework.jdbc.core.JdbcTemplate(scratch.dataSource())
				.queryForObject("SELECT current_database()", String.class)).isEqualTo(name);
		}
		assertThat(ScratchDatabases.on(this.database).names()).doesNotContain(name);
	}

	@Test
	void leftoversOfKilledRunsAreDroppedByTheNextRunButRecentOnesAreKept() {
		String killed = ScratchSpace.PREFIX + Instant.now().minus(Duration.ofHours(1)).getEpochSecond() + "_deadbeef";
		String recent = ScratchSpace.PREFIX + Instant.now().getEpochSecond() + "_cafebabe";
		this.database.execute("CREATE DATABASE " + killed, "CREATE DATABASE " + recent);
		try {
			ScratchSpace space = new ScratchSpace(this.database.dataSource(), "migrations.scratch.url");
			space.create().close();
			assertThat(ScratchDatabases.on(this.database).names()).doesNotContain(killed).contains(recent);
		}
		finally {
			this.database.execute("DROP DATABASE IF EXISTS " + killed, "DROP DATABASE IF EXISTS " + recent);
		}
	}

}
