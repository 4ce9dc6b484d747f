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

package io.bootmigrations.env;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * A database's JDBC URL and credentials, read from the environment variables platforms
 * hand out: {@code DATABASE_URL}
 * ({@code postgres://user:password@host:port/db?sslmode=...} or
 * {@code postgresql://...}), or {@code DB_HOST}, {@code DB_PORT} (5432), {@code DB_NAME},
 * {@code DB_USER}, {@code DB_PASSWORD}. Errors name the variable and never repeat a value
 * that may hold a password.
 *
 * @param jdbcUrl the JDBC URL, without credentials
 * @param username the user, if given
 * @param password the password, if given
 * @param source the variable(s) the coordinates came from
 */
public record DatabaseCoordinates(String jdbcUrl, @Nullable String username, @Nullable String password, String source) {

	private static final Set<String> POSTGRES_SCHEMES = Set.of("postgres", "postgresql");

	private static final int DEFAULT_PORT = 5432;

	/**
	 * Read the coordinates from the variables, {@code DATABASE_URL} first.
	 * @param variables looks a variable up; returns {@code null} when it is not set
	 * @return the coordinates, or {@code null} if neither {@code DATABASE_URL} nor
	 * {@code DB_HOST} is set
	 * @throws InvalidDatabaseEnvironmentException if a variable is malformed
	 */
	public static @Nullable DatabaseCoordinates from(Function<String, @Nullable String> variables) {
		String databaseUrl = trimmed(variables.apply("DATABASE_URL"));
		if (databaseUrl != null) {
			return fromDatabaseUrl(databaseUrl);
		}
		String host = trimmed(variables.apply("DB_HOST"));
		if (host != null) {
			return fromParts(host, trimmed(variables.apply("DB_PORT")), trimmed(variables.apply("DB_NAME")),
					trimmed(variables.apply("DB_USER")), variables.apply("DB_PASSWORD"));
		}
		return null;
	}

	/**
	 * Parse a {@code DATABASE_URL}.
	 * @param value the value
	 * @return the coordinates
	 * @throws InvalidDatabaseEnvironmentException if the value is malformed
	 */
	public static DatabaseCoordinates fromDatabaseUrl(String value) {
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw invalid("DATABASE_URL", "is not a valid URL (characters such as @ : / # ? in the user or password "
					+ "must be percent-encoded)");
		}
		String scheme = uri.getScheme();
		if (scheme == null || !POSTGRES_SCHEMES.contains(scheme.toLowerCase(java.util.Locale.ROOT))) {
			throw invalid("DATABASE_URL", "has " + ((scheme != null) ? "the scheme '" + scheme + "'" : "no scheme")
					+ "; supported are postgres:// and postgresql:// (or set spring.datasource.url to a JDBC URL)");
		}
		if (uri.getHost() == null || uri.getHost().isEmpty()) {
			throw invalid("DATABASE_URL",
					"has no host (or the user or password holds characters that must be " + "percent-encoded)");
		}
		String path = (uri.getRawPath() != null) ? uri.getRawPath() : "";
		String database = path.startsWith("/") ? path.substring(1) : path;
		if (database.isEmpty() || database.contains("/")) {
			throw invalid("DATABASE_URL", "names no database: the path must be /<database>");
		}
		int port = (uri.getPort() != -1) ? uri.getPort() : DEFAULT_PORT;
		String username = null;
		String password = null;
		String userInfo = uri.getRawUserInfo();
		if (userInfo != null && !userInfo.isEmpty()) {
			int colon = userInfo.indexOf(':');
			username = decode((colon >= 0) ? userInfo.substring(0, colon) : userInfo);
			password = (colon >= 0) ? decode(userInfo.substring(colon + 1)) : null;
			if (username.isEmpty()) {
				username = null;
			}
		}
		String query = (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) ? "?" + uri.getRawQuery() : "";
		return new DatabaseCoordinates("jdbc:postgresql://" + uri.getHost() + ":" + port + "/" + database + query,
				username, password, "DATABASE_URL");
	}

	private static DatabaseCoordinates fromParts(String host, @Nullable String portValue, @Nullable String name,
			@Nullable String user, @Nullable String password) {
		if (host.contains("/") || host.contains("@") || host.chars().anyMatch(Character::isWhitespace)) {
			throw invalid("DB_HOST", "must be a host name or address only, without scheme, port or path");
		}
		int port = DEFAULT_PORT;
		if (portValue != null) {
			try {
				port = Integer.parseInt(portValue);
			}
			catch (NumberFormatException ex) {
				port = -1;
			}
			if (port < 1 || port > 65535) {
				throw invalid("DB_PORT", "must be a port number between 1 and 65535, got '" + portValue + "'");
			}
		}
		if (name == null) {
			throw invalid("DB_NAME", "is not set; with DB_HOST set, DB_NAME names the database");
		}
		return new DatabaseCoordinates("jdbc:postgresql://" + host + ":" + port + "/" + name, user,
				(password != null && !password.isEmpty()) ? password : null, "DB_HOST");
	}

	/**
	 * These coordinates as Spring datasource properties.
	 * @return {@code spring.datasource.url}, {@code .username} and {@code .password}
	 */
	public Map<String, Object> toProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("spring.datasource.url", this.jdbcUrl);
		if (this.username != null) {
			properties.put("spring.datasource.username", this.username);
		}
		if (this.password != null) {
			properties.put("spring.datasource.password", this.password);
		}
		return properties;
	}

	@Override
	public String toString() {
		return "DatabaseCoordinates[jdbcUrl=" + this.jdbcUrl + ", username=" + this.username + ", password="
				+ ((this.password != null) ? "******" : null) + ", source=" + this.source + "]";
	}

	private static String decode(String value) {
		try {
			return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw invalid("DATABASE_URL", "holds a malformed percent-encoding in the user or password");
		}
	}

	private static @Nullable String trimmed(@Nullable String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static InvalidDatabaseEnvironmentException invalid(String variable, String problem) {
		return new InvalidDatabaseEnvironmentException(variable, problem);
	}

}
