package io.bootmigrations.test;

import io.bootmigrations.testsupport.TestDatabaseServer;

/**
 * The PostgreSQL server of this module's tests, found as for every other module
 * ({@link TestDatabaseServer}): {@code MIGRATIONS_TEST_POSTGRES_URL}, else Testcontainers,
 * else an embedded server from Maven-shipped binaries.
 */
final class TestServer {

	private TestServer() {
	}

	static MigratedDatabase migrated(String changeLog) {
		TestDatabaseServer server = TestDatabaseServer.postgres();
		return MigratedDatabase.forChangeLog(changeLog)
			.onServer(server.urlOf("postgres"), server.username(), server.password());
	}

}
