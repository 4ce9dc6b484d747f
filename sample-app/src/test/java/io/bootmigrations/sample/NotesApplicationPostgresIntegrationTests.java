package io.bootmigrations.sample;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
		assertThat(database.jdbc().queryForList("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL",
				String.class))
			.containsExactly("1.0", "1.1");
		assertThat(database.tables()).contains("note", "tag", "note_tag");
	}

	@Test
	void servesNotesFromPostgres() {
		HttpResponse<String> created = Http.postJson(this.port, "/notes", "{\"title\":\"On Postgres\",\"pinned\":true}");
		assertThat(created.statusCode()).isEqualTo(201);
		assertThat(Http.get(this.port, "/notes").body()).contains("On Postgres", "Welcome");
	}

}
