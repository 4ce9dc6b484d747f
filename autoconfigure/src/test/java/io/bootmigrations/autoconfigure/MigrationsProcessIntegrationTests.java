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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash-safety with real processes: replicas booting at once, replicas killed with
 * {@code kill -9} mid-migration, and a database that comes up late. Each test starts JVMs
 * of {@link ReplicaApplication}; the group is tagged {@code processes} and runs in every
 * {@code ./mvnw verify}.
 */
@Tag("processes")
class MigrationsProcessIntegrationTests {

	private static final int REPLICAS = 6;

	private static final int TABLES = 200;

	private static final int INSERTS = 100;

	/** marker table + tables + one slow changeset for the database + inserts. */
	private static final int CHANGESETS = 1 + TABLES + 1 + INSERTS;

	private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(3);

	@TempDir
	Path directory;

	@Test
	void replicasBootingAtOnceOnAnEmptyPostgresDatabaseApplyEveryChangeSetExactlyOnce() throws Exception {
		replicasApplyEveryChangeSetExactlyOnce(TestDatabaseServer.postgres(), 3);
	}

	@Test
	void replicasBootingAtOnceOnAnEmptyMariaDbDatabaseApplyEveryChangeSetExactlyOnce() throws Exception {
		replicasApplyEveryChangeSetExactlyOnce(TestDatabaseServer.mariadb(), 2);
	}

	private void replicasApplyEveryChangeSetExactlyOnce(TestDatabaseServer server, int rounds) throws Exception {
		Path changelog = writeReplicaChangelog();
		int waited = 0;
		for (int round = 1; round <= rounds; round++) {
			try (TestDatabase database = server.create("replicas")) {
				long start = System.nanoTime();
				int waitedThisRound = 0;
				List<ReplicaProcess> replicas = new ArrayList<>();
				for (int i = 1; i <= REPLICAS; i++) {
					String name = "round" + round + "-replica-" + i;
					replicas.add(ReplicaProcess.start(this.directory, name,
							arguments(database, name, changelog, "--migrations.lock.wait-timeout=2m")));
				}
				int applied = 0;
				for (ReplicaProcess replica : replicas) {
					assertThat(replica.waitFor(PROCESS_TIMEOUT)).as(replica.output()).isZero();
					applied += replica.applied();
					assertThat(replica.output()).doesNotContain("already exists");
					if (replica.output().contains("waiting for the migration lock")) {
						waitedThisRound++;
						assertThat(replica.output()).containsPattern("held by (session|another)");
					}
				}
				waited += waitedThisRound;
				System.out.printf("%s round %d: %d replicas ready in %d ms, %d of them waited for the lock%n",
						server.kind(), round, REPLICAS, Duration.ofNanos(System.nanoTime() - start).toMillis(),
						waitedThisRound);
				assertThat(applied).as("changesets applied by all replicas together").isEqualTo(CHANGESETS);
				assertThat(database.jdbc()
					.queryForList("SELECT id FROM DATABASECHANGELOG GROUP BY id HAVING count(*) > 1", String.class))
					.isEmpty();
				assertThat(database.jdbc().queryForObject("SELECT count(*) FROM DATABASECHANGELOG", Integer.class))
					.isEqualTo(CHANGESETS);
				assertThat(database.jdbc().queryForObject("SELECT count(*) FROM marker", Integer.class))
					.isEqualTo(INSERTS);
				assertThat(database.tables()).containsAll(
						IntStream.rangeClosed(1, TABLES).mapToObj(MigrationsProcessIntegrationTests::table).toList());
			}
		}
		assertThat(waited).as("replicas that had to wait for another one's lock").isPositive();
	}

	@Test
	void killedReplicaLeavesNoHalfAppliedChangeSetAndTheNextBootDoesNotWaitForALock() throws Exception {
		Path changelog = writeSlowChangelog(40);
		Random random = new Random();
		try (TestDatabase database = TestDatabaseServer.postgres().create("killed")) {
			for (int trial = 1; trial <= 3; trial++) {
				String name = "victim-" + trial;
				ReplicaProcess victim = ReplicaProcess.start(this.directory, name,
						arguments(database, name, changelog, "--migrations.lock.wait-timeout=10s"));
				int before = recorded(database).size();
				ReplicaSessions.awaitLockHeld(database, name, victim);
				awaitProgress(database, before, victim);
				long delay = random.nextInt(1500);
				Thread.sleep(delay);
				assertThat(victim.isAlive()).as("still migrating after %d ms:%n%s", delay, victim.output()).isTrue();
				victim.kill();
				// the server may still finish (commit) what the victim had sent before it
				// died;
				// judge the database once the victim's sessions are gone
				ReplicaSessions.awaitGone(database, name);
				assertConsistent(database);
				System.out.printf("kill trial %d: killed %d ms after its first changeset; %d changesets recorded%n",
						trial, delay, recorded(database).size());
			}
			assertThat(database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
				.as("changesets recorded before the last kill")
				.isLessThan(40);
			long start = System.nanoTime();
			ReplicaProcess next = ReplicaProcess.start(this.directory, "next",
					arguments(database, "next", changelog, "--migrations.lock.wait-timeout=10s"));
			assertThat(next.waitFor(PROCESS_TIMEOUT)).as(next.output()).isZero();
			System.out.printf("next boot: ready in %d ms, applied %d, lock waits logged: %d%n",
					Duration.ofNanos(System.nanoTime() - start).toMillis(), next.applied(),
					next.output().split("waiting for the migration lock", -1).length - 1);
			assertThat(next.output()).doesNotContain("release-locks");
			assertConsistent(database);
			assertThat(database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
				.isEqualTo(40);
			assertThat(database.tables()).doesNotContain("databasechangeloglock");
		}
	}

	@Test
	void lateDatabaseIsWaitedForAndAShortLimitFailsClearly() throws Exception {
		Path changelog = writeSlowChangelog(3);
		AtomicReference<ReplicaProcess> started = new AtomicReference<>();
		// the database comes up only after the replica found it down once, however slowly
		// the replica's JVM starts
		BooleanSupplier refusedOnce = () -> started.get() != null
				&& started.get().output().contains("database not reachable (attempt 1,");
		try (TestDatabase database = TestDatabaseServer.postgres().create("late");
				DelayedTcpProxy proxy = new DelayedTcpProxy(port(database.jdbcUrl()), refusedOnce)) {
			String url = database.jdbcUrl().replaceFirst(":\\d+/", ":" + proxy.port() + "/");
			ReplicaProcess patient = ReplicaProcess.start(this.directory, "patient", arguments(url, database.username(),
					"s3cret-pw", changelog, "--migrations.startup.wait-for-database=60s"));
			started.set(patient);
			assertThat(patient.waitFor(PROCESS_TIMEOUT)).as(patient.output()).isZero();
			assertThat(patient.output()).contains("database not reachable (attempt 1,")
				.contains("Connection to 127.0.0.1:" + proxy.port() + " refused")
				.doesNotContain("s3cret-pw");
			assertThat(patient.applied()).isEqualTo(3);
		}
		int closedPort = DelayedTcpProxy.freePort();
		ReplicaProcess impatient = ReplicaProcess.start(this.directory, "impatient",
				arguments("jdbc:postgresql://127.0.0.1:" + closedPort + "/app", "app", "s3cret-pw", changelog,
						"--migrations.startup.wait-for-database=2s"));
		assertThat(impatient.waitFor(PROCESS_TIMEOUT)).isEqualTo(1);
		assertThat(impatient.output()).contains("The database could not be reached after")
			.contains("migrations.startup.wait-for-database")
			.contains("APPLICATION FAILED TO START")
			.doesNotContain("s3cret-pw");
	}

	private static void awaitProgress(TestDatabase database, int before, ReplicaProcess process)
			throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
		while (recorded(database).size() <= before) {
			assertThat(process.isAlive()).as("ended before applying a changeset:%n%s", process.output()).isTrue();
			assertThat(System.nanoTime()).as("no changeset applied:%n%s", process.output()).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	/**
	 * Every recorded changeset is recorded once and its whole effect exists; no effect
	 * exists without its record.
	 */
	private static void assertConsistent(TestDatabase database) {
		List<String> recorded = recorded(database);
		assertThat(recorded).doesNotHaveDuplicates();
		List<String> tables = database.tables().stream().filter((table) -> table.startsWith("k_")).toList();
		assertThat(tables).containsExactlyInAnyOrderElementsOf(
				recorded.stream().map((id) -> "k_" + id.substring("slow-".length())).toList());
		for (String table : tables) {
			assertThat(database.jdbc().queryForObject("SELECT count(*) FROM " + table, Integer.class)).isEqualTo(2);
		}
	}

	private static List<String> recorded(TestDatabase database) {
		return database.tables().contains("databasechangelog")
				? database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class) : List.of();
	}

	private static List<String> arguments(TestDatabase database, String name, Path changelog, String... more) {
		boolean postgres = database.server().kind() == TestDatabaseServer.Kind.POSTGRESQL;
		String separator = database.jdbcUrl().contains("?") ? "&" : "?";
		String url = database.jdbcUrl() + (postgres ? separator + "ApplicationName=" + name : "");
		// The local PostgreSQL trusts loopback connections: a password shows that none is
		// logged.
		return arguments(url, database.username(), postgres ? "s3cret-pw" : database.password(), changelog, more);
	}

	private static List<String> arguments(String url, String user, String password, Path changelog, String... more) {
		List<String> arguments = new ArrayList<>(
				List.of("--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
						"--spring.datasource.password=" + password, "--spring.liquibase.change-log=file:" + changelog));
		arguments.addAll(List.of(more));
		return arguments;
	}

	private static int port(String jdbcUrl) {
		java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

	private static String table(int i) {
		return String.format("t_%03d", i);
	}

	private Path writeReplicaChangelog() throws IOException {
		StringBuilder xml = header();
		xml.append(changeSet("marker",
				"<createTable tableName=\"marker\"><column name=\"n\" type=\"int\"/></createTable>"));
		for (int i = 1; i <= TABLES; i++) {
			xml.append(changeSet(table(i), "<createTable tableName=\"" + table(i)
					+ "\"><column name=\"id\" type=\"int\"><constraints primaryKey=\"true\"/></column></createTable>"));
			if (i == TABLES / 2) {
				xml.append(
						"<changeSet id=\"slow-pg\" author=\"test\" dbms=\"postgresql\"><sql>SELECT pg_sleep(2)</sql></changeSet>\n");
				xml.append(
						"<changeSet id=\"slow-maria\" author=\"test\" dbms=\"mariadb,mysql\"><sql>SELECT SLEEP(2)</sql></changeSet>\n");
			}
		}
		for (int i = 1; i <= INSERTS; i++) {
			xml.append(changeSet("insert-" + i, "<sql>INSERT INTO marker (n) VALUES (" + i + ")</sql>"));
		}
		return write("replicas.xml", xml);
	}

	private Path writeSlowChangelog(int count) throws IOException {
		StringBuilder xml = header();
		for (int i = 1; i <= count; i++) {
			xml.append(changeSet("slow-" + i, "<sql>CREATE TABLE k_" + i + " (id int); INSERT INTO k_" + i
					+ " VALUES (1); SELECT pg_sleep(0.25); INSERT INTO k_" + i + " VALUES (2)</sql>"));
		}
		return write("slow-" + count + ".xml", xml);
	}

	private static StringBuilder header() {
		return new StringBuilder(ChangeLogs.XML_HEADER);
	}

	private static String changeSet(String id, String body) {
		return "<changeSet id=\"" + id + "\" author=\"test\">" + body + "</changeSet>\n";
	}

	private Path write(String name, StringBuilder xml) throws IOException {
		return Files.writeString(this.directory.resolve(name), xml.append(ChangeLogs.XML_FOOTER));
	}

}
