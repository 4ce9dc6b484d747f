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
 * {@link MigrationMetrics} read through {@code /actuator/metrics} of a running
 * application on PostgreSQL.
 */
class MigrationMetricsIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("metrics");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void successfulRunIsTimedAndCounted() {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/actuate/base.xml")) {
			Json runs = app.json("/actuator/metrics/migrations.runs?tag=outcome:succeeded&tag=target:default");
			assertThat(measurement(runs, "COUNT")).isEqualTo(1.0);
			assertThat(measurement(runs, "TOTAL_TIME")).isPositive();
			assertThat(app.status("/actuator/metrics/migrations.runs?tag=outcome:failed")).isEqualTo(404);
			assertThat(measurement(app, "migrations.changesets.applied", "COUNT")).isEqualTo(3.0);
			assertThat(measurement(app, "migrations.changesets.pending", "VALUE")).isZero();
			assertThat(measurement(app, "migrations.changesets.unexpected", "VALUE")).isZero();
		}
	}

	@Test
	void failedRunIsTaggedFailedAndPendingChangeSetsAreGauged() {
		try (RunningApp app = RunningApp.start(this.database,
				"spring.liquibase.change-log=classpath:db/engine/failing.xml",
				"migrations.on-failure=stay-not-ready")) {
			assertThat(measurement(app.json("/actuator/metrics/migrations.runs?tag=outcome:failed"), "COUNT"))
				.isEqualTo(1.0);
			assertThat(measurement(app, "migrations.changesets.applied", "COUNT")).isEqualTo(1.0);
			assertThat(measurement(app, "migrations.changesets.pending", "VALUE")).isEqualTo(2.0);
		}
	}

	private static double measurement(RunningApp app, String meter, String statistic) {
		return measurement(app.json("/actuator/metrics/" + meter), statistic);
	}

	private static double measurement(Json json, String statistic) {
		List<Number> values = json.read("$.measurements[?(@.statistic == '" + statistic + "')].value");
		assertThat(values).as(statistic).hasSize(1);
		return values.get(0).doubleValue();
	}

}
