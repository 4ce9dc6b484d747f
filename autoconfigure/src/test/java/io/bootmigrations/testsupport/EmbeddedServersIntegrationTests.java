package io.bootmigrations.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The zero-setup fallback: PostgreSQL and MariaDB servers from Maven-shipped binaries, started here
 * even when a server is configured, so that the fallback itself is proven on every run.
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
			assertThat(database.jdbc().queryForObject("SELECT version()", String.class)).containsIgnoringCase("mariadb");
		}
	}

}
