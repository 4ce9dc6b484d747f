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

package io.bootmigrations.guard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import liquibase.integration.spring.SpringResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.Safeguards;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link PostgresLockGuard} on a real PostgreSQL database: a table
 * lock held by another session, readers queueing behind the migration, retries, and where
 * the limits are set. Timings are printed, not asserted tightly.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PostgresLockGuardIntegrationTests {

	private static final String ADD_COLUMN = "<changeSet id=\"add-tier\" author=\"tests\"><addColumn "
			+ "tableName=\"customer\"><column name=\"tier\" type=\"int\"/></addColumn></changeSet>";

	@TempDir
	Path directory;

	private TestDatabase database;

	private final MigrationScheduler scheduler = new MigrationScheduler();

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("guard");
		this.database.execute("CREATE TABLE customer (id int PRIMARY KEY, name text)",
				"INSERT INTO customer SELECT g, 'n' || g FROM generate_series(1, 1000) g");
	}

	@AfterEach
	void dropDatabase() {
		// every run cancelled its watch of blocking sessions
		assertThat(this.scheduler.scheduledTasks()).isZero();
		this.scheduler.close();
		this.database.close();
	}

	@Test
	void lockHeldByAnotherSessionMakesTheChangeSetRetryThenFailWithinTheBoundWhileReadersWaitNoLonger()
			throws Exception {
		Duration lockTimeout = Duration.ofSeconds(1);
		MigrationEngine engine = engine(ADD_COLUMN, guard(lockTimeout, 2));
		try (Connection holder = connect("lock-holder"); Reader reader = new Reader(connect("reader"))) {
			int holderPid = holdAccessShareLock(holder);
			reader.start();
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate)
				.satisfies((ex) -> assertThat(ex.getFailure().message())
					.contains("changelog.xml::add-tier::tests could not get a lock within 1s in 3 attempts")
					.contains("pid " + holderPid + " (application 'lock-holder'")
					.contains("idle in transaction"));
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			reader.stop();
			System.out.printf(
					"guard: 3 attempts with lock-timeout 1s and backoff 200/400 ms failed after %d ms; "
							+ "reader: %d queries, max wait %d ms%n",
					took.toMillis(), reader.queries(), reader.maxWaitMillis());
			assertThat(took).isLessThan(Duration.ofSeconds(20));
			assertThat(reader.queries()).isPositive();
			assertThat(Duration.ofMillis(reader.maxWaitMillis())).isLessThan(lockTimeout.plusSeconds(4));
		}
		assertThat(columns()).doesNotContain("tier");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isZero();
	}

	@Test
	void changeSetRunsOnceTheLockIsReleasedDuringTheRetries() throws Exception {
		MigrationEngine engine = engine(ADD_COLUMN, guard(Duration.ofMillis(500), 5));
		try (Connection holder = connect("lock-holder")) {
			holdAccessShareLock(holder);
			AtomicLong releasedAt = new AtomicLong();
			Thread release = new Thread(() -> {
				// a wait that ends while the lock is still held is a lock timeout: then
				// release
				awaitWaitEnded();
				rollback(holder);
				releasedAt.set(System.nanoTime());
			});
			release.start();
			assertThat(engine.migrate().applied()).isEqualTo(1);
			long applied = System.nanoTime();
			release.join();
			System.out.printf("guard: lock released after the first lock timeout, changeset applied %d ms later%n",
					Duration.ofNanos(applied - releasedAt.get()).toMillis());
			assertThat(releasedAt.get()).isPositive();
		}
		assertThat(columns()).contains("tier");
	}

	@Test
	void limitsAreLocalToATransactionalChangeSetAndResetAfterANonTransactionalOne() throws Exception {
		String changeSets = "<changeSet id=\"tx\" author=\"tests\"><sql>CREATE TABLE seen_tx AS SELECT "
				+ "current_setting('lock_timeout') AS lock, current_setting('statement_timeout') AS statement</sql>"
				+ "</changeSet><changeSet id=\"auto\" author=\"tests\" runInTransaction=\"false\"><sql>CREATE TABLE "
				+ "seen_auto AS SELECT current_setting('lock_timeout') AS lock</sql></changeSet>";
		Connection connection = connect("migration");
		SingleConnectionDataSource single = new SingleConnectionDataSource(connection, true);
		PostgresLockGuard guard = new PostgresLockGuard(this.database.dataSource(), Duration.ofMillis(1500), 1,
				Duration.ofMinutes(2), Duration.ofMillis(100), this.scheduler);
		engine(changeSets, guard, single).migrate();
		assertThat(this.database.jdbc().queryForMap("SELECT * FROM seen_tx")).containsEntry("lock", "1500ms")
			.containsEntry("statement", "2min");
		assertThat(this.database.jdbc().queryForObject("SELECT lock FROM seen_auto", String.class)).isEqualTo("1500ms");
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
			rows.next();
			assertThat(rows.getString(1)).isEqualTo("0");
		}
		single.destroy();
	}

	@Test
	void zeroLockTimeoutTurnsTheGuardOff() throws Exception {
		String changeSet = "<changeSet id=\"tx\" author=\"tests\"><sql>CREATE TABLE seen AS SELECT "
				+ "current_setting('lock_timeout') AS lock</sql></changeSet>";
		engine(changeSet, guard(Duration.ZERO, 5)).migrate();
		assertThat(this.database.jdbc().queryForObject("SELECT lock FROM seen", String.class)).isEqualTo("0");
	}

	private PostgresLockGuard guard(Duration lockTimeout, int retries) {
		return new PostgresLockGuard(this.database.dataSource(), lockTimeout, retries, null, Duration.ofMillis(200),
				this.scheduler);
	}

	private MigrationEngine engine(String changeSets, PostgresLockGuard guard) throws Exception {
		return engine(changeSets, guard, this.database.dataSource());
	}

	private MigrationEngine engine(String changeSets, PostgresLockGuard guard, javax.sql.DataSource dataSource)
			throws Exception {
		Path changeLog = this.directory.resolve("changelog.xml");
		Files.writeString(changeLog, ChangeLogs.xml(changeSets));
		return new MigrationEngine(dataSource, MigrationSettings.forChangeLog("file:" + changeLog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(), Safeguards.defaults(), null,
				List.of(guard));
	}

	private static int holdAccessShareLock(Connection holder) throws Exception {
		holder.setAutoCommit(false);
		try (Statement statement = holder.createStatement()) {
			statement.execute("SELECT count(*) FROM customer");
			try (ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
				rows.next();
				return rows.getInt(1);
			}
		}
	}

	private List<String> columns() {
		return this.database.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'customer'",
					String.class);
	}

	private Connection connect(String application) throws Exception {
		String url = this.database.jdbcUrl() + (this.database.jdbcUrl().contains("?") ? "&" : "?") + "ApplicationName="
				+ application;
		return DriverManager.getConnection(url, this.database.username(), this.database.password());
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void awaitWaitEnded() {
		boolean seenWaiting = false;
		while (true) {
			boolean waiting = this.database.jdbc()
				.queryForObject("SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'customer'::regclass",
						Integer.class) > 0;
			if (seenWaiting && !waiting) {
				return;
			}
			seenWaiting |= waiting;
			sleep(10);
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads the table in a loop, as the application would, and keeps the longest wait.
	 */
	private static final class Reader implements AutoCloseable {

		private final Connection connection;

		private final AtomicBoolean running = new AtomicBoolean(true);

		private final AtomicLong maxWait = new AtomicLong();

		private final AtomicLong queries = new AtomicLong();

		private @Nullable Thread thread;

		Reader(Connection connection) {
			this.connection = connection;
		}

		void start() {
			this.thread = new Thread(() -> {
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("SET statement_timeout = '30s'");
					while (this.running.get()) {
						long start = System.nanoTime();
						statement.executeQuery("SELECT count(*) FROM customer").close();
						this.maxWait.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
						this.queries.incrementAndGet();
						Thread.sleep(20);
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, "reader");
			this.thread.start();
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			if (this.thread != null) {
				this.thread.join();
			}
		}

		long maxWaitMillis() {
			return this.maxWait.get();
		}

		long queries() {
			return this.queries.get();
		}

		@Override
		public void close() throws Exception {
			stop();
			this.connection.close();
		}

	}

}
