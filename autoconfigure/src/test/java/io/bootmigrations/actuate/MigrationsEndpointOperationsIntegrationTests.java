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

package io.bootmigrations.actuate;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.RunningApp;
import io.bootmigrations.testsupport.RunningApp.Json;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write operations and SQL previews of {@link MigrationsEndpoint}, over real HTTP on
 * PostgreSQL. The application starts with {@code migrations.mode=off}, so that only the
 * endpoint changes the database.
 */
class MigrationsEndpointOperationsIntegrationTests {

	private static final String CHANGELOG = "spring.liquibase.change-log=classpath:db/commands/changelog.xml";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("endpoint_ops");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void writeOperationsAreRefusedByDefault() {
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG, "migrations.mode=off")) {
			assertThat(app.post("/actuator/migrations", "{\"operation\":\"upgrade\"}").statusCode()).isEqualTo(405);
		}
		assertThat(this.database.tables()).doesNotContain("databasechangelog", "author");
	}

	@Test
	void upgradeAndDowngradeByCountAndTagWhenOptedIn() {
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG, "migrations.mode=off",
				"management.endpoint.migrations.access=unrestricted")) {
			Json toTag = json(app.post("/actuator/migrations", "{\"operation\":\"upgrade\",\"to\":\"1.0\"}"));
			assertThat(toTag.<Integer>read("$.applied")).isEqualTo(3);
			assertThat(toTag.<String>read("$.outcome")).isEqualTo("SUCCEEDED");
			assertThat(appliedIds()).containsExactly("1-author", "2-seed", "3-tag-1.0");

			assertThat(json(app.post("/actuator/migrations", "{\"operation\":\"upgrade\",\"to\":\"+1\"}"))
				.<Integer>read("$.applied")).isEqualTo(1);
			assertThat(this.database.tables()).contains("book");

			assertThat(json(app.post("/actuator/migrations", "{\"operation\":\"downgrade\",\"to\":\"-1\"}"))
				.<Integer>read("$.applied")).isEqualTo(1);
			assertThat(this.database.tables()).doesNotContain("book");

			app.post("/actuator/migrations", "{\"operation\":\"upgrade\"}");
			assertThat(appliedIds()).hasSize(6);
			assertThat(app.json("/actuator/migrations").<String>read("$.state")).isEqualTo("UP_TO_DATE");

			// a downgrade to a tag leaves the tag applied
			assertThat(app.json("/actuator/migrations/downgrade-sql?to=1.0").<String>read("$.sql"))
				.contains("DROP TABLE public.book")
				.doesNotContain("3-tag-1.0");
			assertThat(json(app.post("/actuator/migrations", "{\"operation\":\"downgrade\",\"to\":\"1.0\"}"))
				.<Integer>read("$.applied")).isEqualTo(3);
			assertThat(appliedIds()).containsExactly("1-author", "2-seed", "3-tag-1.0");
			app.post("/actuator/migrations", "{\"operation\":\"upgrade\"}");

			var tagged = app.post("/actuator/migrations", "{\"operation\":\"tag\",\"to\":\"release-7\"}");
			assertThat(tagged.statusCode()).isEqualTo(200);
			assertThat(this.database.jdbc()
				.queryForObject("SELECT tag FROM databasechangelog WHERE id = '6-tag-2.0'", String.class))
				.isEqualTo("release-7");
		}
	}

	@Test
	void refusalsAnswer400AndChangeNothing() {
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG,
				"management.endpoint.migrations.access=unrestricted")) {
			assertThat(appliedIds()).hasSize(6);
			var acrossSeed = app.post("/actuator/migrations", "{\"operation\":\"downgrade\",\"to\":\"-5\"}");
			assertThat(acrossSeed.statusCode()).isEqualTo(400);
			assertThat(acrossSeed.body()).contains("2-seed");
			var unknownTag = app.post("/actuator/migrations", "{\"operation\":\"upgrade\",\"to\":\"no-such-tag\"}");
			assertThat(unknownTag.statusCode()).isEqualTo(400);
			assertThat(unknownTag.body()).contains("no-such-tag");
			var base = app.post("/actuator/migrations", "{\"operation\":\"downgrade\",\"to\":\"base\"}");
			assertThat(base.statusCode()).isEqualTo(400);
			assertThat(base.body()).contains("--migrations.command=downgrade");
			var unknown = app.post("/actuator/migrations", "{\"operation\":\"drop\"}");
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(appliedIds()).hasSize(6);
			assertThat(this.database.tables()).contains("author", "book");
		}
	}

	@Test
	void invalidInputAnswers400ChangesNothingAndKeepsTheServiceReady() {
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG,
				"management.endpoint.migrations.access=unrestricted")) {
			String longTag = "t".repeat(300);
			for (String body : List.of("{\"operation\":\"tag\",\"to\":\"" + longTag + "\"}",
					"{\"operation\":\"tag\",\"to\":\"a\\u0000b\"}",
					"{\"operation\":\"upgrade\",\"to\":\"" + longTag + "\"}",
					"{\"operation\":\"downgrade\",\"to\":\"x\\u0000\"}")) {
				var response = app.post("/actuator/migrations", body);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
				assertThat(response.body()).contains("Nothing was changed");
			}
			assertThat(this.database.jdbc()
				.queryForList("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL", String.class))
				.containsOnly("1.0", "2.0");
			assertReady(app);
		}
	}

	@Test
	void failedOperatorOperationKeepsTheServiceReadyAndReportsTheFailure() {
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG,
				"management.endpoint.migrations.access=unrestricted")) {
			this.database.execute(
					"CREATE FUNCTION refuse_tag() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'no tags today'; END $$ "
							+ "LANGUAGE plpgsql",
					"CREATE TRIGGER refuse_tag BEFORE UPDATE ON databasechangelog FOR EACH ROW "
							+ "EXECUTE FUNCTION refuse_tag()");
			var response = app.post("/actuator/migrations", "{\"operation\":\"tag\",\"to\":\"release-8\"}");
			assertThat(response.statusCode()).isEqualTo(500);
			assertThat(response.body()).contains("no tags today");
			assertReady(app);
			Json summary = app.json("/actuator/migrations");
			assertThat(summary.<String>read("$.lastRun.operation")).isEqualTo("tag");
			assertThat(summary.<String>read("$.lastRun.outcome")).isEqualTo("FAILED");
		}
	}

	private static void assertReady(RunningApp app) {
		Json summary = app.json("/actuator/migrations");
		assertThat(summary.<String>read("$.state")).isEqualTo("UP_TO_DATE");
		assertThat(summary.<Boolean>read("$.ready")).isTrue();
		assertThat(app.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}

	@Test
	void sqlPreviewsShowWhatWouldRunWithoutRunningIt() {
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG, "migrations.mode=off")) {
			Json upgrade = app.json("/actuator/migrations/upgrade-sql?to=1.0");
			assertThat(upgrade.<String>read("$.direction")).isEqualTo("upgrade");
			assertThat(upgrade.<String>read("$.sql")).contains("CREATE TABLE public.author")
				.contains("INSERT INTO author")
				.doesNotContain("CREATE TABLE public.book");
			assertThat(this.database.tables()).doesNotContain("author");
		}
		try (RunningApp app = RunningApp.start(this.database, CHANGELOG)) {
			Json downgrade = app.json("/actuator/migrations/downgrade-sql?to=-2");
			assertThat(downgrade.<String>read("$.sql")).contains("DROP INDEX")
				.doesNotContain("DROP TABLE public.author");
			assertThat(this.database.tables()).contains("book");
			assertThat(app.get("/actuator/migrations/downgrade-sql").statusCode()).isEqualTo(400);
		}
	}

	@Test
	void sqlPreviewsMaskSecretParametersAndPrintOnlyWhatWouldRun() {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/parameters.xml", "migrations.mode=off",
				"spring.liquibase.parameters.api_key=sk-live-7731", "spring.liquibase.parameters.region=eu-west-9",
				"spring.liquibase.parameters.mode=fast", "migrations.sql-preview.masked-parameters=region")) {
			String upgrade = app.json("/actuator/migrations/upgrade-sql").read("$.sql");
			assertThat(upgrade).contains("INSERT INTO settings")
				.contains("'fast'")
				.doesNotContain("sk-live-7731")
				.doesNotContain("eu-west-9")
				.contains("******")
				.doesNotContainIgnoringCase("databasechangeloglock");
		}
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/parameters.xml",
				"spring.liquibase.parameters.api_key=sk-live-7731", "spring.liquibase.parameters.region=eu-west-9",
				"spring.liquibase.parameters.mode=fast")) {
			Json downgrade = app.json("/actuator/migrations/downgrade-sql?to=-1");
			assertThat(downgrade.<String>read("$.to")).isEqualTo("-1");
			assertThat(downgrade.<String>read("$.sql")).contains("DROP TABLE")
				.doesNotContainIgnoringCase("databasechangeloglock");
		}
	}

	@Test
	void sqlPreviewAnswers409WhileMigratingInsteadOfWaiting() {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/slow.xml", "migrations.execution=background")) {
			org.awaitility.Awaitility.await()
				.atMost(java.time.Duration.ofSeconds(30))
				.pollInterval(java.time.Duration.ofMillis(50))
				.until(() -> "MIGRATING".equals(app.json("/actuator/migrations").read("$.state")));
			var preview = app.get("/actuator/migrations/upgrade-sql");
			assertThat(preview.statusCode()).isEqualTo(409);
			assertThat(preview.body()).contains("A migration is running");
		}
	}

	private List<String> appliedIds() {
		return this.database.jdbc()
			.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class);
	}

	private static Json json(java.net.http.HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return new Json(response.body());
	}

}
