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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.RunningApp;
import io.bootmigrations.testsupport.RunningApp.Json;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/migrations/history} at 5,000 applied changesets: paginated, newest
 * first, complete. Also prints (does not assert) the median time and size of endpoint
 * calls next to Boot's {@code /actuator/liquibase}, which queries the database per call.
 */
class MigrationsEndpointHistoryIntegrationTests {

	private static final int GENERATED = 5000;

	private static TestDatabase database;

	private static RunningApp app;

	@BeforeAll
	static void startWithFiveThousandAppliedChangeSets() {
		database = TestDatabaseServer.postgres().create("history");
		try (RunningApp first = RunningApp.start(database,
				"spring.liquibase.change-log=classpath:db/actuate/base.xml")) {
			assertThat((Integer) first.json("/actuator/migrations").read("$.applied")).isEqualTo(3);
		}
		// another release applied 5,000 changesets since (recorded rows, as Liquibase
		// writes them)
		database.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype, "
				+ "description) SELECT 'gen-' || g, 'gen', 'db/generated.xml', now() + g * interval '1 millisecond', "
				+ "100 + g, 'EXECUTED', 'sql' FROM generate_series(1, " + GENERATED + ") g");
		app = RunningApp.start(database, "spring.liquibase.change-log=classpath:db/actuate/base.xml",
				"management.endpoints.web.exposure.include=migrations,liquibase");
	}

	@AfterAll
	static void stop() {
		app.close();
		database.close();
	}

	@Test
	void historyIsPaginatedNewestFirst() {
		int total = GENERATED + 3;
		Json first = app.json("/actuator/migrations/history");
		assertThat((Integer) first.read("$.total")).isEqualTo(total);
		assertThat((Integer) first.read("$.page")).isZero();
		assertThat((Integer) first.read("$.size")).isEqualTo(100);
		assertThat((Integer) first.read("$.totalPages")).isEqualTo(51);
		assertThat((List<String>) first.read("$.changeSets[*].id")).hasSize(100).startsWith("gen-5000", "gen-4999");
		assertThat((List<String>) app.json("/actuator/migrations/history?page=49").read("$.changeSets[*].id"))
			.hasSize(100)
			.endsWith("gen-2", "gen-1");
		assertThat((List<String>) app.json("/actuator/migrations/history?page=50").read("$.changeSets[*].id"))
			.containsExactly("tag-1.0", "add-account-name", "create-account");
		assertThat((List<?>) app.json("/actuator/migrations/history?page=51").read("$.changeSets")).isEmpty();
	}

	@Test
	void everyAppliedChangeSetIsOnExactlyOnePage() {
		List<String> ids = new ArrayList<>();
		for (int page = 0; page < 6; page++) {
			ids.addAll(app.json("/actuator/migrations/history?size=1000&page=" + page).read("$.changeSets[*].id"));
		}
		Set<String> unique = new HashSet<>(ids);
		assertThat(ids).hasSize(GENERATED + 3);
		assertThat(unique).hasSize(GENERATED + 3).contains("gen-1", "gen-2500", "gen-5000", "create-account");
	}

	@Test
	void summaryStaysSmallWhateverTheHistory() {
		String summary = app.get("/actuator/migrations").body();
		assertThat(summary.length()).isLessThan(2000);
		assertThat((Integer) new Json(summary).read("$.applied")).isEqualTo(GENERATED + 3);
		assertThat((Integer) new Json(summary).read("$.unexpected")).isEqualTo(GENERATED);
	}

	@Test
	void benchmarkAgainstBootsLiquibaseEndpoint() {
		String[] paths = { "/actuator/migrations", "/actuator/migrations/history", "/actuator/liquibase" };
		long[][] nanos = new long[paths.length][];
		int[] bytes = new int[paths.length];
		for (int i = 0; i < paths.length; i++) {
			for (int warmup = 0; warmup < 5; warmup++) {
				assertThat(app.status(paths[i])).isEqualTo(200);
			}
			nanos[i] = new long[21];
			for (int run = 0; run < nanos[i].length; run++) {
				long start = System.nanoTime();
				bytes[i] = app.get(paths[i]).body().length();
				nanos[i][run] = System.nanoTime() - start;
			}
			Arrays.sort(nanos[i]);
		}
		double liquibase = median(nanos[2]);
		for (int i = 0; i < paths.length; i++) {
			System.out.printf(
					"BENCHMARK %s at %,d applied: median %.2f ms, %,d bytes, %.1fx faster than "
							+ "/actuator/liquibase%n",
					paths[i], GENERATED + 3, median(nanos[i]) / 1e6, bytes[i], liquibase / median(nanos[i]));
		}
	}

	private static double median(long[] sorted) {
		return sorted[sorted.length / 2];
	}

}
