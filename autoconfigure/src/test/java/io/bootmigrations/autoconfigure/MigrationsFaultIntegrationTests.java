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
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Faults as an operator's cluster inflicts them, on real PostgreSQL with real JVMs:
 * {@code kill -9} at random moments while upgrading and downgrading,
 * {@code pg_terminate_backend} of the migrating session, SIGTERM while waiting for the
 * lock and while migrating, and a network that stops forwarding. After each, the database
 * must hold every changeset together with its record, or neither. Prints the counts.
 */
@Tag("fault")
class MigrationsFaultIntegrationTests {

	private static final int KILL_TRIALS = 20;

	private static final Duration PROCESS_TIMEOUT = Duration.ofMinutes(2);

	private static final AtomicInteger trials = new AtomicInteger();

	private static final AtomicInteger consistent = new AtomicInteger();

	private static final AtomicInteger inconsistent = new AtomicInteger();

	private static final List<String> details = new ArrayList<>();

	@TempDir
	Path directory;

	@AfterAll
	static void printCounts() {
		System.out.printf("FAULT SUITE: trials=%d consistent=%d inconsistent=%d (%s)%n", trials.get(), consistent.get(),
				inconsistent.get(), String.join("; ", details));
	}

	@Test
	void killedAtRandomMomentsUpgradingOrDowngradingLeavesEachChangeSetWithItsRecord() throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		int upgrades = 0;
		int downgrades = 0;
		try (TestDatabase database = TestDatabaseServer.postgres().create("fault_kill")) {
			Path changelog = changelog("kill.xml", 6, "0.1");
			for (int trial = 1; trial <= KILL_TRIALS; trial++) {
				String name = "fault-kill-" + trial;
				ReplicaProcess runner = ReplicaProcess.start(this.directory, name, FaultRunner.class,
						List.of(url(database, name), "file:" + changelog, "cycle"));
				// odd trials are killed while upgrading, even ones once the downgrade has
				// begun
				ReplicaSessions.awaitLockHeld(database, name, runner);
				if (trial % 2 == 0) {
					awaitOutput(runner, "DOWNGRADE");
				}
				Thread.sleep(random.nextInt(1500));
				assertThat(runner.isAlive()).as(runner.output()).isTrue();
				String output = runner.output();
				runner.kill();
				if (output.lastIndexOf("DOWNGRADE") > output.lastIndexOf("UPGRADE\n")) {
					downgrades++;
				}
				else {
					upgrades++;
				}
				ReplicaSessions.awaitGone(database, name);
				judge(database, "kill -9 trial " + trial);
			}
		}
		details.add("kill -9: " + KILL_TRIALS + " trials, " + upgrades + " while upgrading, " + downgrades
				+ " while downgrading, seed " + seed);
		assertThat(inconsistent.get()).isZero();
		assertThat(upgrades).isPositive();
		assertThat(downgrades).isPositive();
	}

	@Test
	void terminatedBackendIsReportedAsConnectionLostAndLeavesEachChangeSetWithItsRecord() throws Exception {
		Random random = new Random();
		try (TestDatabase database = TestDatabaseServer.postgres().create("fault_terminate")) {
			Path changelog = changelog("terminate.xml", 6, "0.3");
			for (int trial = 1; trial <= 3; trial++) {
				String name = "fault-terminate-" + trial;
				database.execute("DROP SCHEMA public CASCADE", "CREATE SCHEMA public");
				ReplicaProcess runner = ReplicaProcess.start(this.directory, name, FaultRunner.class,
						List.of(url(database, name), "file:" + changelog, "upgrade"));
				awaitRecorded(database, 1, runner);
				Thread.sleep(random.nextInt(600));
				database.jdbc()
					.queryForList("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?",
							name);
				assertThat(runner.waitFor(PROCESS_TIMEOUT)).as(runner.output()).isEqualTo(1);
				assertThat(runner.output()).contains("FAILED CONNECTION_LOST: The connection to the database was lost")
					.containsPattern("(while this changeset ran; it was not committed|while no changeset was running)");
				judge(database, "pg_terminate_backend trial " + trial);
			}
		}
		details.add("pg_terminate_backend: 3 trials");
	}

	@Test
	void sigtermStopsAWaitingReplicaAtOnceAndAMigratingOneAfterItsCurrentChangeSet() throws Exception {
		try (TestDatabase database = TestDatabaseServer.postgres().create("fault_sigterm")) {
			Path changelog = changelog("sigterm.xml", 5, "2");
			ReplicaProcess holder = ReplicaProcess.start(this.directory, "holder",
					replicaArguments(url(database, "holder"), changelog));
			ReplicaSessions.awaitLockHeld(database, "holder", holder);
			ReplicaProcess waiter = ReplicaProcess.start(this.directory, "waiter",
					replicaArguments(url(database, "waiter"), changelog));
			awaitOutput(waiter, "waiting for the migration lock");
			long start = System.nanoTime();
			waiter.terminate();
			assertThat(waiter.waitFor(PROCESS_TIMEOUT)).as(waiter.output()).isNotZero();
			long waiterExit = Duration.ofNanos(System.nanoTime() - start).toMillis();
			assertThat(holder.isAlive()).as("the waiter waited for the holder:%n%s", waiter.output()).isTrue();
			assertThat(waiter.output()).contains("Stopped by shutdown before migrating");
			awaitRecorded(database, 1, holder);
			start = System.nanoTime();
			holder.terminate();
			assertThat(holder.waitFor(PROCESS_TIMEOUT)).as(holder.output()).isNotZero();
			long holderExit = Duration.ofNanos(System.nanoTime() - start).toMillis();
			assertThat(holder.output())
				.containsPattern("Stopped by shutdown after \\d of 5 changesets; next pending: ");
			ReplicaSessions.awaitGone(database, "holder");
			assertThat(recorded(database)).hasSizeLessThan(5);
			judge(database, "SIGTERM while migrating");
			trials.incrementAndGet();
			consistent.incrementAndGet();
			details.add("SIGTERM: waiter exited " + waiterExit + " ms after SIGTERM, holder " + holderExit
					+ " ms after SIGTERM with " + recorded(database).size() + " of 5 applied");
		}
	}

	@Test
	void frozenNetworkReleasesTheLockWithinTheIdleTimeoutAndAnotherReplicaProceeds() throws Exception {
		try (TestDatabase database = TestDatabaseServer.postgres().create("fault_frozen");
				DelayedTcpProxy proxy = new DelayedTcpProxy(port(database.jdbcUrl()), Duration.ZERO)) {
			Path changelog = changelog("frozen.xml", 5, "1");
			String proxied = url(database, "frozen").replaceFirst(":\\d+/", ":" + proxy.port() + "/");
			List<String> arguments = new ArrayList<>(replicaArguments(proxied, changelog));
			arguments.addAll(List.of("--migrations.session.idle-in-transaction-timeout=10s",
					"--migrations.session.idle-timeout=10s"));
			ReplicaProcess frozen = ReplicaProcess.start(this.directory, "frozen", arguments);
			awaitRecorded(database, 1, frozen);
			proxy.freeze();
			long start = System.nanoTime();
			frozen.kill();
			ReplicaProcess next = ReplicaProcess.start(this.directory, "after-freeze",
					replicaArguments(url(database, "after-freeze"), changelog));
			assertThat(next.waitFor(PROCESS_TIMEOUT)).as(next.output()).isZero();
			long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();
			assertThat(recorded(database)).hasSize(5);
			judge(database, "frozen network");
			details.add("frozen network: the next replica finished " + elapsed
					+ " ms after the freeze (idle timeouts 10 s)");
		}
	}

	/**
	 * Every recorded changeset's table exists with both rows; no table exists without its
	 * record.
	 */
	private static void judge(TestDatabase database, String trial) {
		trials.incrementAndGet();
		List<String> recorded = recorded(database);
		List<String> tables = database.tables().stream().filter((table) -> table.startsWith("k_")).sorted().toList();
		List<String> expected = recorded.stream().map((id) -> "k_" + id.substring("k-".length())).sorted().toList();
		boolean ok = new HashSet<>(recorded).size() == recorded.size() && tables.equals(expected) && tables.stream()
			.allMatch((table) -> database.jdbc().queryForObject("SELECT count(*) FROM " + table, Integer.class) == 2);
		if (ok) {
			consistent.incrementAndGet();
		}
		else {
			inconsistent.incrementAndGet();
			details.add("INCONSISTENT after " + trial + ": recorded " + recorded + ", tables " + tables);
		}
	}

	private static List<String> recorded(TestDatabase database) {
		return database.tables().contains("databasechangelog")
				? database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class) : List.of();
	}

	private Path changelog(String name, int count, String sleep) throws IOException {
		StringBuilder xml = new StringBuilder(ChangeLogs.XML_HEADER);
		for (int i = 1; i <= count; i++) {
			xml.append("<changeSet id=\"k-" + i + "\" author=\"fault\"><sql>CREATE TABLE k_" + i
					+ " (id int); INSERT INTO k_" + i + " VALUES (1); SELECT pg_sleep(" + sleep + "); INSERT INTO k_"
					+ i + " VALUES (2)</sql><rollback><sql>DELETE FROM k_" + i + " WHERE id = 1; SELECT pg_sleep("
					+ sleep + "); DROP TABLE k_" + i + "</sql></rollback></changeSet>\n");
		}
		return Files.writeString(this.directory.resolve(name), xml.append(ChangeLogs.XML_FOOTER));
	}

	private static String url(TestDatabase database, String name) {
		String separator = database.jdbcUrl().contains("?") ? "&" : "?";
		String credentials = (database.username() != null && !database.jdbcUrl().contains("user="))
				? "&user=" + database.username() : "";
		return database.jdbcUrl() + separator + "ApplicationName=" + name + credentials;
	}

	private static List<String> replicaArguments(String url, Path changelog) {
		return List.of("--spring.datasource.url=" + url, "--spring.liquibase.change-log=file:" + changelog,
				"--migrations.lock.wait-timeout=2m");
	}

	private static void awaitOutput(ReplicaProcess process, String text) throws InterruptedException {
		long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
		while (!process.output().contains(text)) {
			assertThat(process.isAlive()).as("ended before printing '%s':%n%s", text, process.output()).isTrue();
			assertThat(System.nanoTime()).as("never printed '%s':%n%s", text, process.output()).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static void awaitRecorded(TestDatabase database, int count, ReplicaProcess process)
			throws InterruptedException {
		long deadline = System.nanoTime() + PROCESS_TIMEOUT.toNanos();
		while (recorded(database).size() < count) {
			assertThat(process.isAlive()).as("ended before applying a changeset:%n%s", process.output()).isTrue();
			assertThat(System.nanoTime()).as("no changeset applied:%n%s", process.output()).isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static int port(String jdbcUrl) {
		Matcher matcher = Pattern.compile(":(\\d+)/").matcher(jdbcUrl);
		assertThat(matcher.find()).isTrue();
		return Integer.parseInt(matcher.group(1));
	}

}
