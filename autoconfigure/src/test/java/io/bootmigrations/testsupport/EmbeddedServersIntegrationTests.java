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

package io.bootmigrations.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup fallback: PostgreSQL and MariaDB servers from Maven-shipped binaries,
 * started here even when a server is configured, so that the fallback itself is proven on
 * every run.
 */
class EmbeddedServersIntegrationTests {

	@Test
	void embeddedPostgresCreatesUsableAndDroppableDatabases() {
		TestDatabaseServer server = EmbeddedServers.postgres();
		assertThat(server.kind()).isEqualTo(TestDatabaseServer.Kind.POSTGRESQL);
		try (TestDatabase database = server.create("embedded")) {
			database.execute("CREATE TABLE note (id bigint)", "INSERT INTO note VALUES (1)");
			assertThat(database.jdbc().queryForObject("SELECT count(*) FROM note", Integer.class)).isOne();
			assertThat(database.jdbc().queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL");
		}
	}

	@Test
	void embeddedMariaDbCreatesUsableAndDroppableDatabases() {
		TestDatabaseServer server = EmbeddedServers.mariadb();
		assertThat(server.kind()).isEqualTo(TestDatabaseServer.Kind.MARIADB);
		try (TestDatabase database = server.create("embedded")) {
			database.execute("CREATE TABLE note (id bigint)", "INSERT INTO note VALUES (1)");
			assertThat(database.jdbc().queryForObject("SELECT count(*) FROM note", Integer.class)).isOne();
			assertThat(database.jdbc().queryForObject("SELECT version()", String.class))
				.containsIgnoringCase("mariadb");
		}
	}

}
