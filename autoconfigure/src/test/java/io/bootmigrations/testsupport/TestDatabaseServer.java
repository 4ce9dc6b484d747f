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

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real database server for tests: PostgreSQL or MariaDB, from the server named by an
 * environment variable ({@code MIGRATIONS_TEST_POSTGRES_URL},
 * {@code MIGRATIONS_TEST_MARIADB_URL}: a JDBC URL whose user may create databases), or
 * from Testcontainers when a Docker engine is reachable, else from an embedded server
 * started from Maven-shipped binaries ({@link EmbeddedServers}). Each server is started
 * at most once per JVM; tests that start other JVMs pass them the URL of a database.
 * Tests are never skipped.
 * <p>
 * The environment variable wins when it is set: it is an explicit choice, and it saves
 * probing for Docker.
 */
public final class TestDatabaseServer {

	private static final Pattern URL = Pattern.compile("^(jdbc:[a-z]+://[^/?]+)/?([^?]*)(\\?.*)?$");

	private static volatile TestDatabaseServer postgres;

	private static volatile TestDatabaseServer mariadb;

	private final Kind kind;

	private final String serverUrl;

	private final String query;

	private final String username;

	private final String password;

	private TestDatabaseServer(Kind kind, String jdbcUrl, String username, String password) {
		this.kind = kind;
		Matcher matcher = URL.matcher(jdbcUrl);
		if (!matcher.matches()) {
			throw new IllegalStateException(
					kind.variable + " is not a JDBC URL of the form " + "jdbc:<driver>://host:port/database?user=...: "
							+ jdbcUrl.replaceAll("password=[^&]*", "password=***"));
		}
		this.serverUrl = matcher.group(1);
		this.query = (matcher.group(3) != null) ? matcher.group(3) : "";
		this.username = username;
		this.password = password;
	}

	/**
	 * The PostgreSQL server for tests.
	 * @return the server
	 */
	public static TestDatabaseServer postgres() {
		if (postgres == null) {
			synchronized (TestDatabaseServer.class) {
				if (postgres == null) {
					postgres = locate(Kind.POSTGRESQL);
				}
			}
		}
		return postgres;
	}

	/**
	 * The MariaDB server for tests.
	 * @return the server
	 */
	public static TestDatabaseServer mariadb() {
		if (mariadb == null) {
			synchronized (TestDatabaseServer.class) {
				if (mariadb == null) {
					mariadb = locate(Kind.MARIADB);
				}
			}
		}
		return mariadb;
	}

	private static TestDatabaseServer locate(Kind kind) {
		String url = System.getenv(kind.variable);
		if (url != null && !url.isBlank()) {
			return new TestDatabaseServer(kind, url.strip(), queryParameter(url, "user"),
					queryParameter(url, "password"));
		}
		if (kind == Kind.POSTGRESQL && Containers.dockerAvailable()) {
			return Containers.start(kind);
		}
		return (kind == Kind.POSTGRESQL) ? EmbeddedServers.postgres() : EmbeddedServers.mariadb();
	}

	static TestDatabaseServer fromContainer(Kind kind, String jdbcUrl, String username, String password) {
		return new TestDatabaseServer(kind, jdbcUrl, username, password);
	}

	private static String queryParameter(String url, String name) {
		Matcher matcher = Pattern.compile("[?&;]" + name + "=([^&;]*)").matcher(url);
		return matcher.find() ? matcher.group(1) : "";
	}

	/**
	 * Create a fresh, empty database.
	 * @param prefix a readable prefix for its name, such as the test class name
	 * @return the database; close it to drop it
	 */
	public TestDatabase create(String prefix) {
		String name = ("bm_" + prefix.replaceAll("[^A-Za-z0-9]", "_") + "_"
				+ UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase(Locale.ROOT);
		if (name.length() > 60) {
			name = name.substring(0, 51) + name.substring(name.length() - 9);
		}
		admin("CREATE DATABASE " + name);
		return new TestDatabase(this, name, urlOf(name), this.username, this.password);
	}

	/**
	 * The JDBC URL of a database on this server, without credentials.
	 * @param database the database name
	 * @return the URL
	 */
	public String urlOf(String database) {
		String withoutCredentials = this.query.replaceAll("([?&;])(user|password)=[^&;]*", "$1")
			.replaceAll("[&;]+", "&")
			.replaceAll("\\?&", "?");
		if (withoutCredentials.equals("?") || withoutCredentials.equals("?&")) {
			withoutCredentials = "";
		}
		return this.serverUrl + "/" + database + withoutCredentials;
	}

	/**
	 * The user that creates the test databases.
	 * @return the user name
	 */
	public String username() {
		return this.username;
	}

	/**
	 * The password of {@link #username()}, empty when none is needed.
	 * @return the password
	 */
	public String password() {
		return this.password;
	}

	/**
	 * The kind of server.
	 * @return the kind
	 */
	public Kind kind() {
		return this.kind;
	}

	void drop(TestDatabase database) {
		admin(this.kind == Kind.POSTGRESQL ? "DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)"
				: "DROP DATABASE IF EXISTS " + database.name());
	}

	private void admin(String sql) {
		try (Connection connection = DriverManager.getConnection(urlOf(this.kind.adminDatabase), this.username,
				this.password); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on the " + this.kind.product
					+ " test server at " + this.serverUrl + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Kinds of server.
	 */
	public enum Kind {

		/** PostgreSQL. */
		POSTGRESQL("PostgreSQL", "MIGRATIONS_TEST_POSTGRES_URL",
				"jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres", "postgres"),

		/** MariaDB (or MySQL). */
		MARIADB("MariaDB", "MIGRATIONS_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/?user=root", "");

		final String product;

		final String variable;

		final String example;

		final String adminDatabase;

		Kind(String product, String variable, String example, String adminDatabase) {
			this.product = product;
			this.variable = variable;
			this.example = example;
			this.adminDatabase = adminDatabase;
		}

	}

}
