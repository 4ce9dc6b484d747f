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

package io.bootmigrations.lock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The contract every database-native {@link MigrationLock} meets, run against a real
 * database by one subclass per database.
 */
abstract class MigrationLockContractTests {

	private TestDatabase database;

	private final List<Connection> connections = new CopyOnWriteArrayList<>();

	@BeforeEach
	void createDatabase() {
		this.database = createDatabase("lock");
	}

	@AfterEach
	void dropDatabase() throws SQLException {
		for (Connection connection : this.connections) {
			connection.close();
		}
		this.database.close();
	}

	protected abstract TestDatabase createDatabase(String prefix);

	protected abstract MigrationLock lock(Connection connection, String table) throws SQLException;

	@Test
	void acquiresAFreeLockAndReportsItsHolder() throws SQLException {
		Connection first = connect();
		MigrationLock lock = lock(first, "databasechangelog");
		lock.acquire(first, Duration.ofSeconds(1), failOnWait());
		LockHolder holder = lock.holder(connect());
		assertThat(holder).isNotNull();
		assertThat(holder.session()).isNotBlank();
	}

	@Test
	void secondSessionTimesOutNamingTheHolder() throws SQLException {
		Connection first = connect();
		MigrationLock lock = lock(first, "databasechangelog");
		lock.acquire(first, Duration.ofSeconds(1), failOnWait());
		Connection second = connect();
		List<LockHolder> reported = new CopyOnWriteArrayList<>();
		assertThatExceptionOfType(LockTimeoutException.class)
			.isThrownBy(() -> lock.acquire(second, Duration.ofMillis(700), (holder, waited, timeout) -> {
				reported.add(holder);
				assertThat(waited).isLessThan(timeout);
			}))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains(lock.strategy()).contains(ex.getHolder().session());
				assertThat(ex.getTimeout()).isEqualTo(Duration.ofMillis(700));
			});
		assertThat(reported).isNotEmpty().allSatisfy((holder) -> assertThat(holder).isNotNull());
	}

	@Test
	void releasedLockCanBeTakenByAnotherSession() throws SQLException {
		Connection first = connect();
		MigrationLock lock = lock(first, "databasechangelog");
		MigrationLock.Handle handle = lock.acquire(first, Duration.ofSeconds(1), failOnWait());
		handle.close();
		assertThat(lock.holder(first)).isNull();
		Connection second = connect();
		lock.acquire(second, Duration.ofSeconds(1), failOnWait());
		assertThat(lock.holder(first)).isNotNull();
	}

	@Test
	void endOfTheHoldingSessionReleasesTheLock() throws SQLException {
		Connection first = connect();
		MigrationLock lock = lock(first, "databasechangelog");
		lock.acquire(first, Duration.ofSeconds(1), failOnWait());
		first.close();
		Connection second = connect();
		lock.acquire(second, Duration.ofSeconds(5), (holder, waited, timeout) -> {
		});
		assertThat(lock.holder(second)).isNotNull();
	}

	@Test
	void waiterGetsTheLockOnceItIsReleased() throws Exception {
		Connection first = connect();
		MigrationLock lock = lock(first, "databasechangelog");
		MigrationLock.Handle handle = lock.acquire(first, Duration.ofSeconds(1), failOnWait());
		Connection second = connect();
		List<Duration> waits = new CopyOnWriteArrayList<>();
		Thread releaser = new Thread(() -> {
			try {
				Thread.sleep(300);
				handle.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		releaser.start();
		lock.acquire(second, Duration.ofSeconds(10), (holder, waited, timeout) -> waits.add(waited));
		releaser.join();
		assertThat(waits).isNotEmpty();
		assertThatExceptionOfType(LockTimeoutException.class)
			.isThrownBy(() -> lock.acquire(connect(), Duration.ofMillis(200), (holder, waited, timeout) -> {
			}));
	}

	@Test
	void locksOfDifferentChangelogTablesAreIndependent() throws SQLException {
		Connection first = connect();
		lock(first, "databasechangelog").acquire(first, Duration.ofSeconds(1), failOnWait());
		Connection second = connect();
		MigrationLock other = lock(second, "other_changelog");
		other.acquire(second, Duration.ofSeconds(1), failOnWait());
		assertThat(other.holder(first)).isNotNull();
	}

	private Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(this.database.jdbcUrl(), this.database.username(),
				this.database.password());
		this.connections.add(connection);
		return connection;
	}

	private static MigrationLock.WaitListener failOnWait() {
		return (holder, waited, timeout) -> {
			throw new AssertionError("Did not expect to wait for " + holder);
		};
	}

}
