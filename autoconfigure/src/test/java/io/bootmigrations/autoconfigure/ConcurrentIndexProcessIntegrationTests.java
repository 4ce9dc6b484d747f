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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three replica JVMs boot at once on a changelog whose pending changeset builds an index
 * with {@code CREATE INDEX CONCURRENTLY}. The build waits for every transaction that
 * could see the table, so a replica waiting for the migration lock inside a transaction
 * (or holding a snapshot) would deadlock it (Flyway#1654). Waiting replicas poll
 * {@code pg_try_advisory_lock} without an open transaction: the build completes, and a
 * sampler sees no other replica session idle in a transaction or holding a snapshot while
 * the build runs.
 */
@Tag("processes")
class ConcurrentIndexProcessIntegrationTests {

	private static final int REPLICAS = 3;

	private static final String SESSIONS = """
			SELECT application_name, pid, state, backend_xmin IS NOT NULL AS snapshot, left(query, 60) AS query, now() - state_change AS idle
			FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'cic-%'""";

	@TempDir
	Path directory;

	@Test
	void replicasBootingAtOnceBuildTheIndexConcurrentlyOnceWithoutDeadlock() throws Exception {
		try (TestDatabase database = TestDatabaseServer.postgres().create("cic")) {
			database.execute("CREATE TABLE event (id bigint PRIMARY KEY, v int)",
					"INSERT INTO event SELECT g, g % 1000 FROM generate_series(1, 200000) g");
			Path changeLog = this.directory.resolve("changelog.xml");
			Files.writeString(changeLog, ChangeLogs.xml("""
					<changeSet id="slow" author="tests">
						<comment>holds the migration lock long enough for the other replicas to queue up</comment>
						<sql>SELECT pg_sleep(3)</sql>
						<rollback/>
					</changeSet>
					<changeSet id="ix-event-v" author="tests" runInTransaction="false">
						<sql>CREATE INDEX CONCURRENTLY ix_event_v ON event (v)</sql>
						<rollback>DROP INDEX CONCURRENTLY ix_event_v</rollback>
					</changeSet>
					"""));
			List<String> violations = new CopyOnWriteArrayList<>();
			AtomicInteger buildSamples = new AtomicInteger();
			AtomicInteger buildWithWaiters = new AtomicInteger();
			AtomicBoolean sampling = new AtomicBoolean(true);
			Thread sampler = new Thread(() -> {
				while (sampling.get()) {
					List<Map<String, Object>> sessions = database.jdbc().queryForList(SESSIONS);
					boolean building = sessions.stream()
						.anyMatch((
								session) -> String.valueOf(session.get("query")).startsWith("CREATE INDEX CONCURRENTLY")
										&& "active".equals(session.get("state")));
					if (building) {
						buildSamples.incrementAndGet();
						// waiters last polled pg_try_advisory_lock
						if (sessions.stream()
							.anyMatch((session) -> String.valueOf(session.get("query"))
								.contains("pg_try_advisory_lock"))) {
							buildWithWaiters.incrementAndGet();
						}
					}
					// while the build runs, it waits for any other transaction or
					// snapshot: there must be none
					sessions.stream()
						.filter((session) -> building)
						.filter((session) -> !String.valueOf(session.get("query"))
							.startsWith("CREATE INDEX CONCURRENTLY"))
						// a backend still starting up (no state yet, a new pooled
						// connection) reads
						// the catalog under a snapshot for an instant; it is no open
						// transaction
						.filter((session) -> session.get("state") != null)
						.filter((session) -> "idle in transaction".equals(session.get("state"))
								|| Boolean.TRUE.equals(session.get("snapshot"))
										&& !"active".equals(session.get("state")))
						.forEach((session) -> violations.add(session.toString()));
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "sampler");
			sampler.start();
			long start = System.nanoTime();
			List<ReplicaProcess> replicas = new ArrayList<>();
			for (int i = 1; i <= REPLICAS; i++) {
				String name = "cic-" + i;
				String url = database.jdbcUrl() + (database.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName="
						+ name;
				replicas.add(ReplicaProcess.start(this.directory, name,
						List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + database.username(),
								"--spring.datasource.password=" + database.password(),
								"--spring.liquibase.change-log=file:" + changeLog,
								"--migrations.lock.wait-timeout=2m")));
			}
			int applied = 0;
			for (ReplicaProcess replica : replicas) {
				assertThat(replica.waitFor(Duration.ofMinutes(3))).as(replica.output()).isZero();
				applied += replica.applied();
			}
			sampling.set(false);
			sampler.join();
			System.out.printf("concurrent index: %d replicas ready in %d ms; build seen in %d samples, %d of them with "
					+ "replicas polling for the lock; other replica sessions in a transaction or holding a snapshot during the build: %d%n",
					REPLICAS, Duration.ofNanos(System.nanoTime() - start).toMillis(), buildSamples.get(),
					buildWithWaiters.get(), violations.size());
			assertThat(applied).isEqualTo(2);
			assertThat(buildWithWaiters.get()).isPositive();
			assertThat(violations).as(String.join("\n", new java.util.LinkedHashSet<>(violations))).isEmpty();
			assertThat(database.jdbc()
				.queryForObject("SELECT indisvalid FROM pg_index WHERE indexrelid = 'ix_event_v'::regclass",
						Boolean.class))
				.isTrue();
			assertThat(database.jdbc()
				.queryForObject("SELECT count(*) FROM databasechangelog WHERE id = 'ix-event-v'", Integer.class))
				.isEqualTo(1);
		}
	}

}
