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
import java.sql.SQLException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Chooses the {@link MigrationLock} for a database.
 */
public final class MigrationLocks {

	private MigrationLocks() {
	}

	/**
	 * The lock to use on the database behind {@code connection}.
	 * @param strategy the configured strategy
	 * @param connection a connection to the database
	 * @param schema the changelog table's schema, or {@code null} for the connection's
	 * @param table the changelog table's name
	 * @return the lock
	 * @throws SQLException if the database could not be inspected
	 * @throws IllegalStateException if {@link LockStrategy#ADVISORY} was asked for on a
	 * database without a native lock
	 */
	public static MigrationLock forDatabase(LockStrategy strategy, Connection connection, @Nullable String schema,
			String table) throws SQLException {
		if (strategy == LockStrategy.LIQUIBASE) {
			return new LiquibaseTableLock();
		}
		switch (DatabaseDriver.fromProductName(connection.getMetaData().getDatabaseProductName())) {
			case POSTGRESQL -> {
				return new PostgresAdvisoryLock(resolve(schema, connection.getSchema(), "public"), table);
			}
			case MARIADB, MYSQL -> {
				return new MariaDbNamedLock(resolve(schema, connection.getCatalog(), ""), table);
			}
			default -> {
				// no native lock: Liquibase's table lock, unless advisory was required
			}
		}
		if (strategy == LockStrategy.ADVISORY) {
			throw new IllegalStateException("migrations.lock.strategy=advisory, but "
					+ connection.getMetaData().getDatabaseProductName()
					+ " has no database-native lock that Boot Migrations supports (PostgreSQL, MariaDB, MySQL). "
					+ "Set migrations.lock.strategy=auto or liquibase to use Liquibase's table lock.");
		}
		return new LiquibaseTableLock();
	}

	private static String resolve(@Nullable String configured, @Nullable String current, String fallback) {
		if (configured != null && !configured.isBlank()) {
			return configured;
		}
		return (current != null) ? current : fallback;
	}

}
