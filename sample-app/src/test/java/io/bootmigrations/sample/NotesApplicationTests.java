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

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.bootmigrations.testsupport.Http;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Boots the sample app on its embedded default database (H2) and talks to it over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class NotesApplicationTests {

	@LocalServerPort
	int port;

	@Test
	void isHealthyAfterMigrating() {
		HttpResponse<String> health = Http.get(this.port, "/actuator/health");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"");
	}

	@Test
	void servesTheSchemaTheChangelogCreated() {
		assertThat(Http.get(this.port, "/notes").body()).contains("\"title\":\"Welcome\"");
		HttpResponse<String> created = Http.postJson(this.port, "/notes", "{\"title\":\"Buy milk\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Http.get(this.port, "/notes").body()).contains("Buy milk");
	}

	@Test
	void storesTagsWithJpaOnTheMigratedSchemaThatHibernateValidated() {
		HttpResponse<String> created = Http.postJson(this.port, "/tags", "urgent");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Http.get(this.port, "/tags").body()).isEqualTo("[\"urgent\"]");
	}

	@Test
	void liquibaseEndpointListsTheChangeSets() {
		HttpResponse<String> liquibase = Http.get(this.port, "/actuator/liquibase");
		assertThat(liquibase.statusCode()).isEqualTo(200);
		assertThat(liquibase.body()).contains("001-create-note", "007-create-note-tag", "\"tag\":\"1.1\"");
	}

}
