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

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DatabaseCoordinates}.
 */
class DatabaseCoordinatesTests {

	@Test
	void parsesPostgresUrlsAsPlatformsHandThemOut() {
		DatabaseCoordinates heroku = DatabaseCoordinates
			.fromDatabaseUrl("postgres://app:s3cr%40t@db.example.org:6543/notes?sslmode=require");
		assertThat(heroku.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.org:6543/notes?sslmode=require");
		assertThat(heroku.username()).isEqualTo("app");
		assertThat(heroku.password()).isEqualTo("s3cr@t");
		DatabaseCoordinates plain = DatabaseCoordinates.fromDatabaseUrl("postgresql://app:a+b@localhost/notes");
		assertThat(plain.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/notes");
		assertThat(plain.password()).isEqualTo("a+b");
		DatabaseCoordinates noUser = DatabaseCoordinates.fromDatabaseUrl("postgres://10.0.0.5:5433/notes");
		assertThat(noUser.username()).isNull();
		assertThat(noUser.password()).isNull();
		assertThat(noUser.toProperties()).containsOnlyKeys("spring.datasource.url");
	}

	@Test
	void buildsTheUrlFromDbVariables() {
		DatabaseCoordinates coordinates = DatabaseCoordinates
			.from(Map.of("DB_HOST", "db", "DB_NAME", "notes", "DB_USER", "app", "DB_PASSWORD", "pw")::get);
		assertThat(coordinates.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/notes");
		assertThat(coordinates.toProperties()).containsEntry("spring.datasource.username", "app")
			.containsEntry("spring.datasource.password", "pw");
		assertThat(DatabaseCoordinates.from(Map.of("DB_HOST", "db", "DB_PORT", "6000", "DB_NAME", "n")::get).jdbcUrl())
			.isEqualTo("jdbc:postgresql://db:6000/n");
	}

	@Test
	void databaseUrlWinsOverDbVariablesAndNothingIsNothing() {
		assertThat(DatabaseCoordinates
			.from(Map.of("DATABASE_URL", "postgres://u:p@a/x", "DB_HOST", "b", "DB_NAME", "y")::get)
			.jdbcUrl()).isEqualTo("jdbc:postgresql://a:5432/x");
		assertThat(DatabaseCoordinates.from(Map.of("DB_USER", "u")::get)).isNull();
		assertThat(DatabaseCoordinates.from(Map.of("DATABASE_URL", " ")::get)).isNull();
	}

	@Test
	void malformedValuesNameTheVariableAndNeverThePassword() {
		assertInvalid(Map.of("DATABASE_URL", "mysql://app:Sup3rS3cret@db/notes"), "DATABASE_URL", "the scheme 'mysql'");
		assertInvalid(Map.of("DATABASE_URL", "postgres://app:Sup3rS3cret@db"), "DATABASE_URL", "names no database");
		assertInvalid(Map.of("DATABASE_URL", "postgres://app:Sup3rS3cret/x@db/notes"), "DATABASE_URL", "");
		assertInvalid(Map.of("DATABASE_URL", "postgres://app:Sup3r S3cret@db/notes"), "DATABASE_URL",
				"not a valid URL");
		assertInvalid(Map.of("DATABASE_URL", "postgres://app:Sup3rS3cret%zz@db/notes"), "DATABASE_URL",
				"percent-encod");
		assertInvalid(Map.of("DATABASE_URL", "Sup3rS3cret"), "DATABASE_URL", "no scheme");
		assertInvalid(Map.of("DB_HOST", "db", "DB_PORT", "http", "DB_NAME", "n", "DB_PASSWORD", "Sup3rS3cret"),
				"DB_PORT", "got 'http'");
		assertInvalid(Map.of("DB_HOST", "db", "DB_PORT", "70000", "DB_NAME", "n"), "DB_PORT", "between 1 and 65535");
		assertInvalid(Map.of("DB_HOST", "db", "DB_PASSWORD", "Sup3rS3cret"), "DB_NAME", "is not set");
		assertInvalid(Map.of("DB_HOST", "postgres://db:5432", "DB_NAME", "n"), "DB_HOST", "host name or address");
	}

	@Test
	void toStringHidesThePassword() {
		assertThat(DatabaseCoordinates.fromDatabaseUrl("postgres://app:Sup3rS3cret@db/notes")).asString()
			.contains("jdbc:postgresql://db:5432/notes", "******")
			.doesNotContain("Sup3rS3cret");
	}

	private static void assertInvalid(Map<String, String> variables, String variable, String problem) {
		assertThatExceptionOfType(InvalidDatabaseEnvironmentException.class)
			.isThrownBy(() -> DatabaseCoordinates.from(variables::get))
			.satisfies((ex) -> assertThat(ex.getVariable()).isEqualTo(variable))
			.withMessageStartingWith("The environment variable " + variable + " ")
			.withMessageContaining(problem)
			.withMessageContaining("spring.datasource.url")
			.withMessageNotContaining("Sup3r");
	}

}
