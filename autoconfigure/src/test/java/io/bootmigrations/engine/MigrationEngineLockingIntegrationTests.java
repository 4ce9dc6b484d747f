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

package io.bootmigrations.engine;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import liquibase.Liquibase;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.lock.LockStrategy;
import io.bootmigrations.lock.MigrationLock;
import io.bootmigrations.lock.MigrationLocks;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for how {@link MigrationEngine} locks runs and waits for the
 * database, on a real PostgreSQL database.
 */
class MigrationEngineLockingIntegrationTests {

	// this test's database only: other test runs on the same server hold advisory locks
	// too
	private static final String ADVISORY_LOCKS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
			+ "AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())";

	private static final String CHANGELOG = "db/engine/three.xml";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("locking");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void advisoryLockReplacesLiquibasesLockTable() {
		MigrationEngine engine = engine(Safeguards.defaults());
		engine.migrate();
		assertThat(this.database.tables()).contains("databasechangelog", "customer")
			.doesNotContain("databasechangeloglock");
		MigrationStatus.LockInfo lock = engine.status().lock();
		assertThat(lock.strategy()).isEqualTo("postgresql-advisory");
		assertThat(lock.held()).isFalse();
		assertThat(lock.staleLiquibaseLock()).isFalse();
		assertThat(this.database.jdbc().queryForObject(ADVISORY_LOCKS, Integer.class)).isZero();
	}

	@Test
	void statusShowsTheLockHeldByThisProcessWhileItMigrates() {
		List<MigrationStatus.LockInfo> seen = new java.util.ArrayList<>();
		List<Integer> advisoryLocks = new java.util.ArrayList<>();
		MigrationEngine[] engine = new MigrationEngine[1];
		MigrationListener probe = new MigrationListener() {
			@Override
			public void runStarted(String operation, int total) {
				seen.add(engine[0].status().lock());
				advisoryLocks.add(MigrationEngineLockingIntegrationTests.this.database.jdbc()
					.queryForObject(ADVISORY_LOCKS, Integer.class));
			}
		};
		engine[0] = new MigrationEngine(this.database.dataSource(), MigrationSettings.forChangeLog(CHANGELOG).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(probe), Safeguards.defaults());
		engine[0].migrate();
		assertThat(seen).singleElement().satisfies((lock) -> {
			assertThat(lock.held()).isTrue();
			assertThat(lock.holder()).isEqualTo("this process");
			assertThat(lock.since()).isNotNull();
		});
		assertThat(advisoryLocks).containsExactly(1);
		assertThat(engine[0].status().lock().held()).isFalse();
	}

	@Test
	void liquibaseStrategyUsesLiquibasesLockTable() {
		MigrationEngine engine = engine(new Safeguards(LockStrategy.LIQUIBASE, Duration.ofMinutes(1), Duration.ZERO));
		engine.migrate();
		assertThat(this.database.tables()).contains("databasechangelog", "databasechangeloglock");
		assertThat(engine.status().lock().strategy()).isEqualTo("liquibase-table");
	}

	@Test
	void plainLiquibaseInTheSameProcessKeepsItsOwnLock() throws Exception {
		engine(Safeguards.defaults()).migrate();
		try (Connection connection = connect()) {
			Liquibase liquibase = new Liquibase("db/engine/three.xml",
					new SpringResourceAccessor(new DefaultResourceLoader()),
					DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection)));
			liquibase.update("");
		}
		assertThat(this.database.tables()).contains("databasechangeloglock");
	}

	@Test
	void waitingRunReportsTheHolderThenReChecksAndAppliesNothingAlreadyApplied() throws Exception {
		try (Connection holder = connect()) {
			try (Statement statement = holder.createStatement()) {
				statement.execute("SET application_name = 'replica-a'");
			}
			MigrationLock lock = MigrationLocks.forDatabase(LockStrategy.AUTO, holder, null, "databasechangelog");
			MigrationLock.Handle handle = lock.acquire(holder, Duration.ofSeconds(1), (h, waited, timeout) -> {
			});
			MigrationEngine waiting = engine(Safeguards.defaults());
			CompletableFuture<RunReport> run = CompletableFuture.supplyAsync(waiting::migrate);
			await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
				MigrationStatus.LockInfo info = waiting.status().lock();
				assertThat(info).isNotNull();
				assertThat(info.held()).isTrue();
				assertThat(info.holder()).contains("replica-a");
			});
			// Another replica on the old lock applies everything meanwhile.
			engine(new Safeguards(LockStrategy.LIQUIBASE, Duration.ofMinutes(1), Duration.ZERO)).migrate();
			assertThat(run).isNotDone();
			handle.close();
			RunReport report = run.get(30, TimeUnit.SECONDS);
			assertThat(report.applied()).isZero();
			assertThat(waiting.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		}
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void runFailsClearlyWhenTheLockIsHeldPastTheTimeout() throws Exception {
		try (Connection holder = connect()) {
			try (Statement statement = holder.createStatement()) {
				statement.execute("SET application_name = 'stuck-replica'");
			}
			MigrationLocks.forDatabase(LockStrategy.AUTO, holder, null, "databasechangelog")
				.acquire(holder, Duration.ofSeconds(1), (h, waited, timeout) -> {
				});
			MigrationEngine engine = engine(new Safeguards(LockStrategy.AUTO, Duration.ofSeconds(1), Duration.ZERO));
			assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate).satisfies((ex) -> {
				MigrationFailure failure = ex.getFailure();
				assertThat(failure.kind()).isEqualTo(Kind.LOCK_TIMEOUT);
				assertThat(failure.message()).contains("postgresql-advisory").contains("stuck-replica").contains("1 s");
				assertThat(failure.action()).contains("migrations.lock.wait-timeout").contains("nothing to release");
			});
		}
		assertThat(this.database.tables()).doesNotContain("databasechangelog", "customer");
	}

	@Test
	void staleLiquibaseLockRowDoesNotBlockAndIsReported() {
		this.database.execute(
				"CREATE TABLE databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL, "
						+ "lockgranted timestamp, lockedby varchar(255))",
				"INSERT INTO databasechangeloglock VALUES (1, true, now() - interval '3 days', 'old-pod (10.0.0.7)')");
		MigrationEngine engine = engine(Safeguards.defaults());
		assertThat(engine.migrate().applied()).isEqualTo(3);
		assertThat(engine.status().lock().staleLiquibaseLock()).isTrue();
		assertThat(this.database.jdbc().queryForObject("SELECT locked FROM databasechangeloglock", Boolean.class))
			.isTrue();
	}

	@Test
	void advisoryStrategyOnADatabaseWithoutANativeLockFailsNamingTheProperty() {
		DriverManagerDataSource h2 = new DriverManagerDataSource("jdbc:h2:mem:advisory;DB_CLOSE_DELAY=-1", "sa", "");
		MigrationEngine engine = new MigrationEngine(h2, MigrationSettings.forChangeLog(CHANGELOG).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(),
				new Safeguards(LockStrategy.ADVISORY, Duration.ofSeconds(1), Duration.ZERO));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate)
			.satisfies((ex) -> assertThat(ex.getFailure().message()).contains("migrations.lock.strategy=advisory")
				.contains("H2"));
	}

	@Test
	void unreachableDatabaseIsRetriedThenFailsClearlyWithoutThePassword() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		DriverManagerDataSource unreachable = new DriverManagerDataSource(
				"jdbc:postgresql://127.0.0.1:" + port + "/nowhere?connectTimeout=2", "app", "s3cret-pw");
		MigrationEngine engine = new MigrationEngine(unreachable, MigrationSettings.forChangeLog(CHANGELOG).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(),
				new Safeguards(LockStrategy.AUTO, Duration.ofSeconds(5), Duration.ofSeconds(2)));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate).satisfies((ex) -> {
			MigrationFailure failure = ex.getFailure();
			assertThat(failure.kind()).isEqualTo(Kind.DATABASE_UNAVAILABLE);
			assertThat(failure.message()).contains("could not be reached after")
				.contains("attempts")
				.contains("refused")
				.doesNotContain("s3cret-pw");
			assertThat(failure.action()).contains("migrations.startup.wait-for-database");
		});
	}

	@Test
	void wrongPasswordIsNotRetried() {
		DriverManagerDataSource wrong = new DriverManagerDataSource(this.database.jdbcUrl(), "no_such_user",
				"s3cret-pw");
		MigrationEngine engine = new MigrationEngine(wrong, MigrationSettings.forChangeLog(CHANGELOG).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(),
				new Safeguards(LockStrategy.AUTO, Duration.ofSeconds(5), Duration.ofMinutes(10)));
		long start = System.nanoTime();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate)
			.satisfies((ex) -> assertThat(ex.getFailure().message()).doesNotContain("s3cret-pw"));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMinutes(1));
	}

	private MigrationEngine engine(Safeguards safeguards) {
		return new MigrationEngine(this.database.dataSource(), MigrationSettings.forChangeLog(CHANGELOG).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(), safeguards);
	}

	private Connection connect() throws Exception {
		return DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(), this.database.password());
	}

}
