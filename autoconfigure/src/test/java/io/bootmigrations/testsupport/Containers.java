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
