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
