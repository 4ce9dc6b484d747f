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

package io.bootmigrations.autoconfigure;

import java.time.Duration;

import com.jayway.jsonpath.PathNotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.testsupport.RunningApp;
import io.bootmigrations.testsupport.RunningApp.Json;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * {@code migrations.execution} and {@code migrations.on-failure} on running applications:
 * readiness and liveness over real HTTP, on a fresh PostgreSQL database per test.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationsExecutionIntegrationTests {

	private static final String SLOW = "spring.liquibase.change-log=classpath:db/actuate/slow.xml";

	private static final String FAILING = "spring.liquibase.change-log=classpath:db/engine/failing.xml";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("execution");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void backgroundMigrationRefusesTrafficWhileMigratingThenAcceptsIt() {
		try (RunningApp app = RunningApp.start(this.database, SLOW, "migrations.execution=background")) {
			// the web server answers while the slow changeset (pg_sleep(3)) runs
			await().atMost(Duration.ofSeconds(10))
				.pollInterval(Duration.ofMillis(100))
				.ignoreException(PathNotFoundException.class)
				.untilAsserted(() -> {
					Json json = app.json("/actuator/migrations");
					assertThat((String) json.read("$.state")).isEqualTo("MIGRATING");
					assertThat((String) json.read("$.progress.current.id")).isEqualTo("slow-backfill");
				});
			Json migrating = app.json("/actuator/migrations");
			assertThat((Integer) migrating.read("$.progress.done")).isEqualTo(1);
			assertThat((Integer) migrating.read("$.progress.total")).isEqualTo(3);
			assertThat((Boolean) migrating.read("$.ready")).isFalse();
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
			Json health = new Json(app.get("/actuator/health/migrations").body());
			assertThat((String) health.read("$.status")).isEqualTo("OUT_OF_SERVICE");
			assertThat((String) health.read("$.details.progress")).isEqualTo("1/3");

			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> app.status("/actuator/health/readiness") == 200);
			Json done = app.json("/actuator/migrations");
			assertThat((String) done.read("$.state")).isEqualTo("UP_TO_DATE");
			assertThat((Integer) done.read("$.applied")).isEqualTo(3);
			assertThat((Object) done.read("$.progress")).isNull();
			assertThat((String) done.read("$.lastRun.outcome")).isEqualTo("SUCCEEDED");
			assertThat(((Number) done.read("$.lastRun.durationMs")).longValue()).isGreaterThanOrEqualTo(3000);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
		}
		assertThat(this.database.tables()).contains("report", "report_line");
	}

	@Test
	void syncMigrationIsDoneBeforeTheServerAnswers() {
		try (RunningApp app = RunningApp.start(this.database, SLOW)) {
			assertThat((String) app.json("/actuator/migrations").read("$.state")).isEqualTo("UP_TO_DATE");
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
			assertThat(app.context().getBean(ApplicationAvailability.class).getReadinessState())
				.isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
		}
	}

	@Test
	void backgroundFailureWithStayNotReadyKeepsLivenessAndRefusesTraffic(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(this.database, FAILING, "migrations.execution=background",
				"migrations.on-failure=stay-not-ready")) {
			MigrationEngine engine = app.context().getBean(MigrationEngine.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> engine.status().state() == MigrationState.FAILED);
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(app.status("/actuator/health/liveness")).isEqualTo(200);
			Json json = app.json("/actuator/migrations");
			assertThat((String) json.read("$.lastRun.error.changeSet.id")).isEqualTo("broken-invoice");
			assertThat((Integer) json.read("$.applied")).isEqualTo(1);
			// readiness is driven once, by the migrations indicator in the readiness
			// group: Boot's own
			// lifecycle state is left to Boot (no event race to win)
			ApplicationAvailability availability = app.context().getBean(ApplicationAvailability.class);
			assertThat(availability.getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
			assertThat(availability.getLivenessState()).isEqualTo(LivenessState.CORRECT);
		}
		assertThat(output).contains("the application stays up but refuses traffic")
			.doesNotContain("broken-invoice::bob encountered an exception")
			.doesNotContain("\tat liquibase.");
	}

	@Test
	void backgroundFailureWithFailMarksLivenessBroken(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(this.database, FAILING, "migrations.execution=background")) {
			await().atMost(Duration.ofSeconds(20))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> app.status("/actuator/health/liveness") == 503);
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(app.context().getBean(ApplicationAvailability.class).getLivenessState())
				.isEqualTo(LivenessState.BROKEN);
		}
		assertThat(output).contains("liveness is marked BROKEN (migrations.on-failure=fail)");
	}

	@Test
	void backgroundErrorEndsFailedWithOneShortReport(CapturedOutput output) {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/bad/circular-a.xml", "migrations.execution=background")) {
			await().atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> app.status("/actuator/health/liveness") == 503);
			assertThat(app.json("/actuator/migrations").<String>read("$.state")).isEqualTo("FAILED");
			assertThat(app.json("/actuator/migrations").<String>read("$.lastRun.error.message"))
				.contains("Circular include");
		}
		assertThat(output).contains("Circular include: db/bad/circular-a.xml -> db/bad/circular-b.xml");
		assertThat(output.toString().split("\n\tat ", -1).length).isLessThan(100);
	}

	@Test
	void userReadinessGroupIsLeftAlone() {
		try (RunningApp app = RunningApp.start(this.database, FAILING, "migrations.on-failure=stay-not-ready",
				"management.endpoint.health.group.readiness.include=ping")) {
			assertThat(app.status("/actuator/health/migrations")).isEqualTo(503);
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
		}
	}

	@Test
	void migrationsIsInTheReadinessGroupEvenWithoutProbeGroupsConfigured() {
		try (RunningApp app = RunningApp.start(this.database, FAILING, "migrations.on-failure=stay-not-ready",
				"management.endpoint.health.probes.add-additional-paths=true")) {
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
			assertThat(app.status("/readyz")).isEqualTo(503);
			assertThat(app.status("/livez")).isEqualTo(200);
		}
	}

	@Test
	void refreshIntervalNoticesWhatAnotherDeploymentDid() {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/base.xml",
				"migrations.status.refresh-interval=200ms")) {
			assertThat((Integer) app.json("/actuator/migrations").read("$.unexpected")).isZero();
			this.database.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, "
					+ "exectype) VALUES ('from-a-newer-release', 'dave', 'db/actuate/base.xml', now(), 99, "
					+ "'EXECUTED')");
			await().atMost(Duration.ofSeconds(10))
				.until(() -> (Integer) app.json("/actuator/migrations").read("$.unexpected") == 1);
			assertThat((String) app.json("/actuator/migrations/unexpected").read("$.changeSets[0].id"))
				.isEqualTo("from-a-newer-release");
		}
	}

	@Test
	void statusIsNotRefreshedWithoutRefreshInterval() {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/base.xml")) {
			assertThat(app.context().getBean(MigrationStatusRefresher.class).isRunning()).isFalse();
			assertThat(app.context().getBean(MigrationScheduler.class).scheduledTasks()).isZero();
		}
	}

	@Test
	void invalidRefreshIntervalIsAClearStartupError(CapturedOutput output) {
		assertThatException().isThrownBy(() -> RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/base.xml", "migrations.status.refresh-interval=0s"));
		assertThat(output).contains("migrations.status.refresh-interval")
			.contains("Must be a positive duration such as 30s or 1m");
	}

}
