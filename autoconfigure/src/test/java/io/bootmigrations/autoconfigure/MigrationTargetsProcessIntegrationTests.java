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

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant schemas with real processes (issue #11): replicas booting at once on the same
 * tenants, and a replica killed with {@code kill -9} during a multi-tenant run, then a
 * reboot.
 */
@Tag("processes")
class MigrationTargetsProcessIntegrationTests {

	private static final int CHANGESETS = 30;

	private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(4);

	@TempDir
	Path directory;

	@Test
	void replicasBootingAtOnceOnTheSameTenantsApplyEachChangeSetOnce() {
		int tenants = 12;
		try (TestDatabase database = TestDatabaseServer.postgres().create("tenant_replicas")) {
			List<ReplicaProcess> replicas = new ArrayList<>();
			for (int i = 1; i <= 3; i++) {
				replicas.add(ReplicaProcess.start(this.directory, "replica-" + i,
						arguments(database, tenants, "--migrations.lock.wait-timeout=3m")));
			}
			for (ReplicaProcess replica : replicas) {
				assertThat(replica.waitFor(PROCESS_TIMEOUT)).as(replica.output()).isZero();
				assertThat(replica.output()).doesNotContain("already exists");
			}
			for (String schema : schemas(tenants)) {
				assertThat(database.jdbc()
					.queryForList("SELECT id FROM " + schema + ".databasechangelog GROUP BY id HAVING count(*) > 1",
							String.class))
					.as(schema)
					.isEmpty();
				assertThat(recorded(database, schema)).as(schema).isEqualTo(CHANGESETS);
			}
		}
	}

	@Test
	void killedDuringAMultiTenantRunTheNextBootFinishesEveryTenant() throws Exception {
		int tenants = 30;
		try (TestDatabase database = TestDatabaseServer.postgres().create("tenant_killed")) {
			ReplicaProcess victim = ReplicaProcess.start(this.directory, "victim",
					arguments(database, tenants, "--migrations.parallelism=2"));
			long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
			while (startedTenants(database) < 3 && victim.isAlive() && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			assertThat(victim.isAlive()).as("still migrating:%n%s", victim.output()).isTrue();
			victim.kill();
			ReplicaSessions.awaitGone(database, "victim");
			int started = startedTenants(database);
			assertConsistent(database, tenants);
			ReplicaProcess next = ReplicaProcess.start(this.directory, "next",
					arguments(database, tenants, "--migrations.lock.wait-timeout=30s"));
			assertThat(next.waitFor(PROCESS_TIMEOUT)).as(next.output()).isZero();
			assertThat(next.output()).doesNotContain("release-locks");
			System.out.printf("kill -9 after %d of %d tenants had started; the next boot finished all%n", started,
					tenants);
			for (String schema : schemas(tenants)) {
				assertThat(recorded(database, schema)).as(schema).isEqualTo(CHANGESETS);
			}
			assertConsistent(database, tenants);
		}
	}

	/**
	 * Every recorded changeset's table exists and every table is recorded: PostgreSQL
	 * commits a changeset with its record or not at all.
	 */
	private static void assertConsistent(TestDatabase database, int tenants) {
		for (String schema : schemas(tenants)) {
			Integer history = database.jdbc()
				.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND "
						+ "table_name = 'databasechangelog'", Integer.class, schema);
			int recorded = (history == 0) ? 0 : recorded(database, schema);
			Integer tables = database.jdbc()
				.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND "
						+ "table_name ~ '^t[0-9]+$'", Integer.class, schema);
			assertThat(tables).as("tables of %s against its %d recorded changesets", schema, recorded)
				.isEqualTo(recorded);
		}
	}

	private static int startedTenants(TestDatabase database) {
		return database.jdbc()
			.queryForObject("SELECT count(*) FROM information_schema.tables WHERE table_name = 't01'", Integer.class);
	}

	private static int recorded(TestDatabase database, String schema) {
		return database.jdbc().queryForObject("SELECT count(*) FROM " + schema + ".databasechangelog", Integer.class);
	}

	private static List<String> schemas(int tenants) {
		return IntStream.rangeClosed(1, tenants).mapToObj((i) -> String.format("tenant_%03d", i)).toList();
	}

	private static List<String> arguments(TestDatabase database, int tenants, String... more) {
		String separator = database.jdbcUrl().contains("?") ? "&" : "?";
		List<String> arguments = new ArrayList<>(List.of(
				"--spring.datasource.url=" + database.jdbcUrl() + separator + "ApplicationName=victim",
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(),
				"--migrations.targets.tenants.change-log=classpath:db/targets/thirty.yaml",
				"--migrations.targets.tenants.schemas=" + schemas(tenants).stream().collect(Collectors.joining(","))));
		arguments.addAll(List.of(more));
		return arguments;
	}

}
