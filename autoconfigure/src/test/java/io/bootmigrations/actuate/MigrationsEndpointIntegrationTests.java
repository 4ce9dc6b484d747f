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

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.autoconfigure.MigrationStrategy;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.testsupport.RunningApp;
import io.bootmigrations.testsupport.RunningApp.Json;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code /actuator/migrations} JSON contract, over real HTTP, on a fresh PostgreSQL
 * database per test.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsEndpointIntegrationTests {

	private static final String BASE = "spring.liquibase.change-log=classpath:db/actuate/base.xml";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("endpoint");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void upToDateDatabaseReportsEveryField() {
		Instant before = Instant.now();
		try (RunningApp app = RunningApp.start(this.database, BASE)) {
			Json json = app.json("/actuator/migrations");
			assertThat((String) json.read("$.target")).isEqualTo("default");
			assertThat((String) json.read("$.state")).isEqualTo("UP_TO_DATE");
			assertThat((Boolean) json.read("$.ready")).isTrue();
			assertThat((String) json.read("$.changelog")).isEqualTo("classpath:db/actuate/base.xml");
			// one database: no targets section
			assertThat(json.body()).doesNotContain("\"targets\"");
			assertThat((String) json.read("$.database.product")).isEqualTo("PostgreSQL");
			// the server's own version: the configured one, a container's or the embedded
			// one
			assertThat((String) json.read("$.database.version"))
				.startsWith(this.database.jdbc().queryForObject("SHOW server_version", String.class).split(" ")[0]);
			assertThat((String) json.read("$.database.url")).isEqualTo(this.database.jdbcUrl());
			assertThat((String) json.read("$.database.user")).isEqualTo(this.database.username());
			assertThat((String) json.read("$.database.schema")).isEqualTo("public");
			assertThat((Integer) json.read("$.applied")).isEqualTo(3);
			assertThat((Integer) json.read("$.pending")).isZero();
			assertThat((Integer) json.read("$.unexpected")).isZero();
			assertThat((String) json.read("$.lastApplied.id")).isEqualTo("tag-1.0");
			assertThat((String) json.read("$.lastApplied.author")).isEqualTo("bob");
			assertThat((String) json.read("$.lastApplied.file")).isEqualTo("db/actuate/base.xml");
			assertThat((String) json.read("$.lastApplied.tag")).isEqualTo("1.0");
			assertThat(Instant.parse(json.read("$.lastApplied.executedAt"))).isAfter(before.minusSeconds(5));
			assertThat((String) json.read("$.lastRun.operation")).isEqualTo("update");
			Instant startedAt = Instant.parse(json.read("$.lastRun.startedAt"));
			Instant finishedAt = Instant.parse(json.read("$.lastRun.finishedAt"));
			assertThat(startedAt).isAfterOrEqualTo(before).isBeforeOrEqualTo(finishedAt);
			assertThat(((Number) json.read("$.lastRun.durationMs")).longValue())
				.isEqualTo(Duration.between(startedAt, finishedAt).toMillis());
			assertThat((Integer) json.read("$.lastRun.applied")).isEqualTo(3);
			assertThat((String) json.read("$.lastRun.outcome")).isEqualTo("SUCCEEDED");
			assertThat((Object) json.read("$.lastRun.error")).isNull();
			assertThat((Boolean) json.read("$.lock.known")).isTrue();
			assertThat((Boolean) json.read("$.lock.held")).isFalse();
			assertThat((String) json.read("$.lock.strategy")).isEqualTo("postgresql-advisory");
			assertThat((Boolean) json.read("$.lock.staleLiquibaseLock")).isFalse();
			assertThat((Object) json.read("$.progress")).isNull();
			assertThat(Instant.parse(json.read("$.checkedAt"))).isAfterOrEqualTo(finishedAt.minusSeconds(1));
			assertThat((List<?>) json.read("$.warnings")).isEmpty();

			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
			Json health = app.json("/actuator/health/migrations");
			assertThat((String) health.read("$.status")).isEqualTo("UP");
			assertThat((Integer) health.read("$.details.applied")).isEqualTo(3);
			assertThat((Integer) health.read("$.details.pending")).isZero();
			assertThat((String) health.read("$.details.lastRun")).startsWith("SUCCEEDED at ");
		}
	}

	@Test
	void reportsMariaDbLikePostgres() {
		try (TestDatabase mariadb = TestDatabaseServer.mariadb().create("endpoint");
				RunningApp app = RunningApp.start(mariadb, BASE)) {
			Json json = app.json("/actuator/migrations");
			assertThat((String) json.read("$.state")).isEqualTo("UP_TO_DATE");
			assertThat((String) json.read("$.database.product")).isEqualTo("MariaDB");
			assertThat((String) json.read("$.database.url")).startsWith("jdbc:mariadb://")
				.contains("/" + mariadb.name())
				.doesNotContain("user=" + mariadb.username());
			assertThat((String) json.read("$.database.schema")).isEqualTo(mariadb.name());
			assertThat((Integer) json.read("$.applied")).isEqualTo(3);
			assertThat((String) json.read("$.lastApplied.tag")).isEqualTo("1.0");
			assertThat((List<String>) app.json("/actuator/migrations/history").read("$.changeSets[*].id"))
				.containsExactly("tag-1.0", "add-account-name", "create-account");
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
		}
	}

	@Test
	void freshDatabaseThatTheApplicationDoesNotMigrateIsPendingAndNotReady() {
		try (RunningApp app = RunningApp.start(InspectOnlyApp.class, this.database, BASE)) {
			Json json = app.json("/actuator/migrations");
			assertThat((String) json.read("$.state")).isEqualTo("PENDING");
			assertThat((Boolean) json.read("$.ready")).isFalse();
			assertThat((Integer) json.read("$.applied")).isZero();
			assertThat((Integer) json.read("$.pending")).isEqualTo(3);
			assertThat((Integer) json.read("$.unexpected")).isZero();
			assertThat((Object) json.read("$.lastApplied")).isNull();
			assertThat((Object) json.read("$.lastRun")).isNull();
			assertThat((String) json.read("$.database.product")).isEqualTo("PostgreSQL");
			Json pending = app.json("/actuator/migrations/pending");
			assertThat((List<String>) pending.read("$.changeSets[*].id")).containsExactly("create-account",
					"add-account-name", "tag-1.0");
			assertThat((Object) pending.read("$.changeSets[0].executedAt")).isNull();
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
			Json health = new Json(app.get("/actuator/health/migrations").body());
			assertThat((String) health.read("$.status")).isEqualTo("DOWN");
			assertThat((String) health.read("$.details.reason"))
				.isEqualTo("Changesets are pending and this application did not apply them");
		}
	}

	@Test
	void failedRunWithStayNotReadyExplainsTheFailureAndRefusesTraffic(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/engine/failing.xml",
				"migrations.on-failure=stay-not-ready")) {
			Json json = app.json("/actuator/migrations");
			assertThat((String) json.read("$.state")).isEqualTo("FAILED");
			assertThat((Boolean) json.read("$.ready")).isFalse();
			assertThat((Integer) json.read("$.applied")).isEqualTo(1);
			assertThat((String) json.read("$.lastApplied.id")).isEqualTo("create-orders");
			assertThat((String) json.read("$.lastRun.outcome")).isEqualTo("FAILED");
			assertThat((Integer) json.read("$.lastRun.applied")).isEqualTo(1);
			assertThat((String) json.read("$.lastRun.error.kind")).isEqualTo("CHANGESET_FAILED");
			assertThat((String) json.read("$.lastRun.error.changeSet.id")).isEqualTo("broken-invoice");
			assertThat((String) json.read("$.lastRun.error.changeSet.author")).isEqualTo("bob");
			assertThat((String) json.read("$.lastRun.error.changeSet.file")).isEqualTo("db/engine/failing.xml");
			assertThat((String) json.read("$.lastRun.error.message"))
				.contains("relation \"no_such_table\" does not exist");
			assertThat((String) json.read("$.lastRun.error.action")).contains("Fix the changeset");

			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
			Json health = new Json(app.get("/actuator/health").body());
			assertThat((String) health.read("$.components.migrations.status")).isEqualTo("DOWN");
			assertThat((String) health.read("$.components.migrations.details.error"))
				.startsWith("Changeset db/engine/failing.xml::broken-invoice::bob: ")
				.contains("no_such_table");
		}
		assertThat(output)
			.contains("Migrations: the migration failed (changeset failed); the application stays up "
					+ "but refuses traffic. Changeset db/engine/failing.xml::broken-invoice::bob: ")
			.doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void databaseAheadOfTheChangelogStaysReadyWithAWarning() {
		try (RunningApp newer = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/ahead.xml")) {
			assertThat((Integer) newer.json("/actuator/migrations").read("$.applied")).isEqualTo(4);
		}
		try (RunningApp older = RunningApp.start(this.database, BASE)) {
			Json json = older.json("/actuator/migrations");
			assertThat((String) json.read("$.state")).isEqualTo("UP_TO_DATE");
			assertThat((Integer) json.read("$.applied")).isEqualTo(4);
			assertThat((Integer) json.read("$.pending")).isZero();
			assertThat((Integer) json.read("$.unexpected")).isEqualTo(1);
			assertThat((Boolean) json.read("$.ready")).isTrue();
			assertThat((List<String>) json.read("$.warnings")).singleElement()
				.asString()
				.startsWith("1 changeset(s) in the database are not in this build's changelog");
			Json unexpected = older.json("/actuator/migrations/unexpected");
			assertThat((Integer) unexpected.read("$.total")).isOne();
			assertThat((String) unexpected.read("$.changeSets[0].id")).isEqualTo("add-account-email");
			assertThat((String) unexpected.read("$.changeSets[0].author")).isEqualTo("carol");
			assertThat((String) unexpected.read("$.changeSets[0].executedAt")).isNotNull();
			assertThat(older.status("/actuator/health/readiness")).isEqualTo(200);
			Json health = older.json("/actuator/health/migrations");
			assertThat((String) health.read("$.status")).isEqualTo("UP");
			// the status document's warnings, as at /actuator/migrations
			assertThat((String) health.read("$.details.warnings[0]"))
				.contains("1 changeset(s) in the database are not in this build's changelog");
		}
		try (RunningApp strict = RunningApp.start(this.database, BASE, "migrations.health.down-on-unexpected=true")) {
			assertThat(strict.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat((String) new Json(strict.get("/actuator/health/migrations").body()).read("$.status"))
				.isEqualTo("DOWN");
			assertThat((Boolean) strict.json("/actuator/migrations").read("$.ready")).isFalse();
		}
	}

	@Test
	void listsAreServedFromTheSnapshotWithoutTouchingTheDatabase() {
		try (RunningApp app = RunningApp.start(this.database, BASE)) {
			MigrationEngine engine = app.context().getBean(MigrationEngine.class);
			Instant checkedAt = engine.status().checkedAt();
			// the database changes behind the application's back: no endpoint call
			// notices
			this.database.execute("DELETE FROM databasechangelog WHERE id = 'tag-1.0'");
			Json history = app.json("/actuator/migrations/history");
			assertThat((List<String>) history.read("$.changeSets[*].id")).containsExactly("tag-1.0", "add-account-name",
					"create-account");
			assertThat((Integer) app.json("/actuator/migrations").read("$.applied")).isEqualTo(3);
			assertThat((Integer) app.json("/actuator/migrations/pending").read("$.total")).isZero();
			assertThat(app.status("/actuator/health/migrations")).isEqualTo(200);
			assertThat(engine.status().checkedAt()).isEqualTo(checkedAt);
		}
	}

	@Test
	void badListOrPageIsAClearBadRequest() {
		try (RunningApp app = RunningApp.start(this.database, BASE)) {
			var unknown = app.get("/actuator/migrations/applied");
			assertThat(unknown.statusCode()).isEqualTo(400);
			assertThat(unknown.body()).contains(
					"No list 'applied' in /actuator/migrations: use pending, history, unexpected, drift, out-of-order, upgrade-sql or downgrade-sql");
			var tooBig = app.get("/actuator/migrations/history?size=5000");
			assertThat(tooBig.statusCode()).isEqualTo(400);
			assertThat(tooBig.body()).contains("size between 1 and 1000");
			assertThat(app.status("/actuator/migrations/history?page=-1")).isEqualTo(400);
		}
	}

	@Test
	void writeRequestsAreRefused() {
		try (RunningApp app = RunningApp.start(this.database, BASE)) {
			assertThat(app.post("/actuator/migrations", "{}").statusCode()).isEqualTo(405);
			assertThat(app.delete("/actuator/migrations").statusCode()).isEqualTo(405);
			assertThat(app.post("/actuator/migrations/history", "{}").statusCode()).isEqualTo(405);
			assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
				.isEqualTo(3);
		}
	}

	@Test
	void endpointIsAbsentWhenNotExposed() {
		try (RunningApp app = RunningApp.start(this.database, BASE,
				"management.endpoints.web.exposure.include=health")) {
			assertThat(app.status("/actuator/migrations")).isEqualTo(404);
			assertThat(app.status("/actuator/migrations/history")).isEqualTo(404);
			assertThat(app.context().getBeansOfType(MigrationsEndpoint.class)).isEmpty();
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
		}
	}

	@Test
	void secretsInTheDataSourceUrlAndPasswordNeverAppear(CapturedOutput output) {
		String secret = "Sup3rS3cret-7f1c";
		this.database.execute("CREATE ROLE secret_user LOGIN PASSWORD '" + secret + "'",
				"GRANT ALL ON SCHEMA public TO secret_user");
		String url = this.database.jdbcUrl() + (this.database.jdbcUrl().contains("?") ? "&" : "?") + "password="
				+ secret;
		try {
			try (RunningApp app = RunningApp.start(this.database, BASE, "spring.datasource.url=" + url,
					"spring.datasource.username=secret_user", "spring.datasource.password=" + secret)) {
				assertThat((String) app.json("/actuator/migrations").read("$.database.user")).isEqualTo("secret_user");
				assertNoSecret(app, secret);
			}
			try (RunningApp app = RunningApp.start(this.database,
					"spring.liquibase.change-log=classpath:db/engine/failing.xml",
					"migrations.on-failure=stay-not-ready", "spring.datasource.url=" + url,
					"spring.datasource.username=secret_user", "spring.datasource.password=" + secret)) {
				assertThat((String) app.json("/actuator/migrations").read("$.state")).isEqualTo("FAILED");
				assertNoSecret(app, secret);
			}
		}
		finally {
			this.database.execute("DROP OWNED BY secret_user", "DROP ROLE secret_user");
		}
		assertThat(output).contains("Migrations: applied 3 changesets").doesNotContain(secret);
	}

	private void assertNoSecret(RunningApp app, String secret) {
		for (String path : List.of("/actuator/migrations", "/actuator/migrations/history",
				"/actuator/migrations/pending", "/actuator/migrations/unexpected", "/actuator/health",
				"/actuator/health/migrations", "/actuator/health/readiness", "/actuator/metrics/migrations.runs")) {
			var response = app.get(path);
			assertThat(response.statusCode()).as(path).isIn(200, 503);
			assertThat(response.body()).as(path).isNotEmpty().doesNotContain(secret);
		}
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class InspectOnlyApp {

		@Bean
		MigrationStrategy inspectOnly() {
			return MigrationEngine::refresh;
		}

	}

}
