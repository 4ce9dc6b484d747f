package io.bootmigrations.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Testcontainers, for developers with a Docker engine. Containers live as long as the
 * test JVM (Ryuk removes them).
 */
final class Containers {

	private Containers() {
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (Throwable ex) {
			return false;
		}
	}

	static TestDatabaseServer start(TestDatabaseServer.Kind kind) {
		if (kind == TestDatabaseServer.Kind.POSTGRESQL) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
			container.start();
			return TestDatabaseServer.fromContainer(kind, container.getJdbcUrl(), container.getUsername(),
					container.getPassword());
		}
		throw new IllegalStateException("No Testcontainers support for " + kind + " here; set " + kind.variable
				+ " to a server's JDBC URL, for example " + kind.example);
	}

}
