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

package io.bootmigrations.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.bootmigrations.testsupport.Http;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample app on a fresh PostgreSQL database and talks to it over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotesApplicationPostgresIntegrationTests {

	static final TestDatabase database = TestDatabaseServer.postgres().create("sample");

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		database.propertyMap().forEach((key, value) -> registry.add(key, () -> value));
	}

	@AfterAll
	static void drop() {
		database.close();
	}

	@Test
	void migratesPostgresAndIsHealthy() {
		HttpResponse<String> health = Http.get(this.port, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"", "PostgreSQL");
		assertThat(database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isEqualTo(8);
		assertThat(
				database.jdbc().queryForList("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL", String.class))
			.containsExactly("1.0", "1.1");
		assertThat(database.tables()).contains("note", "tag", "note_tag");
	}

	@Test
	void reportsMigrationsToOperators() {
		HttpResponse<String> migrations = Http.get(this.port, "/actuator/migrations");
		assertThat(migrations.statusCode()).isEqualTo(200);
		assertThat(migrations.body()).contains("\"state\":\"UP_TO_DATE\"", "\"applied\":8", "\"pending\":0",
				"\"id\":\"008-tag-1.1\"", "\"tag\":\"1.1\"", "\"outcome\":\"SUCCEEDED\"",
				"\"url\":\"" + database.jdbcUrl() + "\"");
		HttpResponse<String> history = Http.get(this.port, "/actuator/migrations/history?size=3");
		assertThat(history.body()).contains("\"total\":8", "\"totalPages\":3", "008-tag-1.1")
			.doesNotContain("001-create-note");
		assertThat(Http.get(this.port, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(Http.get(this.port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
		assertThat(Http.get(this.port, "/actuator/health/migrations").body()).contains("\"status\":\"UP\"",
				"\"state\":\"UP_TO_DATE\"");
	}

	@Test
	void servesNotesFromPostgres() {
		HttpResponse<String> created = Http.postJson(this.port, "/notes",
				"{\"title\":\"On Postgres\",\"pinned\":true}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Http.get(this.port, "/notes").body()).contains("On Postgres", "Welcome");
	}

}
