package io.bootmigrations.test;

/**
 * The PostgreSQL server of this module's tests: {@code MIGRATIONS_TEST_POSTGRES_URL}, a
 * JDBC URL with the user (who may create databases) in its query.
 */
final class TestServer {

	private TestServer() {
	}

	static MigratedDatabase migrated(String changeLog) {
		String url = System.getenv("MIGRATIONS_TEST_POSTGRES_URL");
		if (url == null || url.isBlank()) {
			throw new IllegalStateException("Set MIGRATIONS_TEST_POSTGRES_URL to a PostgreSQL JDBC URL whose user may "
					+ "create databases, for example jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
		}
		return MigratedDatabase.forChangeLog(changeLog).onServer(url, null, null);
	}

}
