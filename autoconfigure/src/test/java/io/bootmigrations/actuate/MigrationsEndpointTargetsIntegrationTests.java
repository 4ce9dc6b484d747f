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

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.RunningApp;
import io.bootmigrations.testsupport.RunningApp.Json;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrations} and {@code /actuator/health} with several targets (issue
 * #11), over real HTTP, on a fresh PostgreSQL database.
 */
class MigrationsEndpointTargetsIntegrationTests {

	private static final String TENANTS = "migrations.targets.tenants.";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("endpoint_targets");
		this.database.execute("CREATE SCHEMA t_bad", "CREATE TABLE t_bad.account (id bigint)");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void targetsAreCountedListedByPageAndTheirListsTakeATargetParameter() {
		try (RunningApp app = RunningApp.start(this.database, "migrations.on-failure=stay-not-ready",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a,t_b,t_bad")) {
			Json summary = app.json("/actuator/migrations");
			assertThat((String) summary.read("$.target")).isEqualTo("default");
			assertThat((String) summary.read("$.state")).isEqualTo("UP_TO_DATE");
			assertThat((Integer) summary.read("$.targets.total")).isEqualTo(4);
			assertThat((Integer) summary.read("$.targets.states.FAILED")).isEqualTo(1);
			assertThat((List<String>) summary.read("$.targets.notReady")).containsExactly("tenants:t_bad");
			Json targets = app.json("/actuator/migrations/targets?size=2");
			assertThat((Integer) targets.read("$.total")).isEqualTo(4);
			assertThat((Integer) targets.read("$.states.UP_TO_DATE")).isEqualTo(3);
			assertThat((Integer) targets.read("$.states.FAILED")).isEqualTo(1);
			assertThat((List<String>) targets.read("$.notReady")).containsExactly("tenants:t_bad");
			assertThat((String) targets.read("$.errors['tenants:t_bad']")).contains("account");
			assertThat((Integer) targets.read("$.totalPages")).isEqualTo(2);
			assertThat((List<String>) targets.read("$.targets[*].target")).containsExactly("default", "tenants:t_a");
			assertThat(
					(List<String>) app.json("/actuator/migrations/targets?page=1&size=2").read("$.targets[*].target"))
				.containsExactly("tenants:t_b", "tenants:t_bad");
			Json history = app.json("/actuator/migrations/history?target=tenants:t_a");
			assertThat((String) history.read("$.target")).isEqualTo("tenants:t_a");
			assertThat((List<String>) history.read("$.changeSets[*].id")).containsExactly("first-account", "account");
			assertThat(app.status("/actuator/migrations/history?target=tenants:nope")).isEqualTo(400);
			assertThat(app.status("/actuator/health")).isEqualTo(503);
			Json health = new Json(app.get("/actuator/health").body());
			assertThat((String) health.read("$.status")).isEqualTo("DOWN");
			assertThat((List<String>) health.read("$.components.migrations.details.targets.notReady"))
				.containsExactly("tenants:t_bad");
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
		}
	}

	@Test
	void withoutTheDefaultTargetTheEndpointServesTheTargetsAlone() {
		try (RunningApp app = RunningApp.start(this.database, "spring.liquibase.enabled=false",
				"management.endpoint.migrations.access=unrestricted", "migrations.on-failure=stay-not-ready",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a,t_b,t_bad")) {
			Json summary = app.json("/actuator/migrations");
			assertThat((Map<String, Object>) summary.read("$")).containsOnlyKeys("ready", "targets");
			assertThat((Boolean) summary.read("$.ready")).isFalse();
			assertThat((Integer) summary.read("$.targets.total")).isEqualTo(3);
			assertThat((Integer) summary.read("$.targets.states.UP_TO_DATE")).isEqualTo(2);
			assertThat((List<String>) summary.read("$.targets.notReady")).containsExactly("tenants:t_bad");
			Json targets = app.json("/actuator/migrations/targets?size=2");
			assertThat((Integer) targets.read("$.totalPages")).isEqualTo(2);
			assertThat((List<String>) targets.read("$.targets[*].target")).containsExactly("tenants:t_a",
					"tenants:t_b");
			assertThat(
					(List<String>) app.json("/actuator/migrations/targets?page=1&size=2").read("$.targets[*].target"))
				.containsExactly("tenants:t_bad");
			Json history = app.json("/actuator/migrations/history?target=tenants:t_b");
			assertThat((String) history.read("$.target")).isEqualTo("tenants:t_b");
			assertThat((List<String>) history.read("$.changeSets[*].id")).containsExactly("first-account", "account");
			assertThat((String) app.json("/actuator/migrations/pending?target=tenants:t_a").read("$.target"))
				.isEqualTo("tenants:t_a");
			HttpResponse<String> noTarget = app.get("/actuator/migrations/history");
			assertThat(noTarget.statusCode()).isEqualTo(400);
			assertThat(noTarget.body()).contains("spring.liquibase.enabled=false").contains("?target=");
			assertThat(app.status("/actuator/migrations/drift?target=tenants:t_a")).isEqualTo(400);
			// the write operation acts on default, which is not there
			HttpResponse<String> upgrade = app.post("/actuator/migrations", "{\"operation\":\"upgrade\"}");
			assertThat(upgrade.statusCode()).isEqualTo(400);
			assertThat(upgrade.body()).contains("No default target");
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(503);
		}
		try (RunningApp app = RunningApp.start(this.database, "spring.liquibase.enabled=false",
				TENANTS + "change-log=classpath:db/targets/tenant.yaml", TENANTS + "schemas=t_a,t_b")) {
			Json summary = app.json("/actuator/migrations");
			assertThat((Boolean) summary.read("$.ready")).isTrue();
			assertThat((Integer) summary.read("$.targets.states.UP_TO_DATE")).isEqualTo(2);
		}
	}

	@Test
	void tenantsFoundUpToDateTogetherOnANoOpRestartAreServedExactly() {
		this.database.execute("DROP SCHEMA t_bad CASCADE");
		String[] properties = { TENANTS + "change-log=classpath:db/targets/tenant.yaml",
				TENANTS + "schemas=t_a,t_b,t_c" };
		try (RunningApp app = RunningApp.start(this.database, properties)) {
			assertThat((Integer) app.json("/actuator/migrations").read("$.targets.states.UP_TO_DATE")).isEqualTo(4);
		}
		try (RunningApp app = RunningApp.start(this.database, properties)) {
			Json summary = app.json("/actuator/migrations");
			assertThat((Integer) summary.read("$.targets.total")).isEqualTo(4);
			assertThat((Integer) summary.read("$.targets.states.UP_TO_DATE")).isEqualTo(4);
			Json targets = app.json("/actuator/migrations/targets");
			assertThat((List<String>) targets.read("$.targets[*].target")).containsExactly("default", "tenants:t_a",
					"tenants:t_b", "tenants:t_c");
			assertThat((List<Integer>) targets.read("$.targets[1:].applied")).containsExactly(2, 2, 2);
			Json history = app.json("/actuator/migrations/history?target=tenants:t_b");
			assertThat((String) history.read("$.target")).isEqualTo("tenants:t_b");
			assertThat((List<String>) history.read("$.changeSets[*].id")).containsExactly("first-account", "account");
			assertThat(app.status("/actuator/health/readiness")).isEqualTo(200);
			Json health = new Json(app.get("/actuator/health").body());
			assertThat((String) health.read("$.components.migrations.status")).isEqualTo("UP");
			// a settled tenant has its metrics too, without an engine
			Json pending = app.json("/actuator/metrics/migrations.changesets.pending?tag=target:tenants:t_c");
			assertThat((List<Double>) pending.read("$.measurements[*].value")).containsExactly(0.0);
		}
	}

}
