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

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.jdbc.DatabaseDriver;

/**
 * Bounds on a migration session whose network goes away. On PostgreSQL the server ends a
 * session that is idle (in a transaction or not) longer than the idle timeouts, and one
 * whose peer stopped answering (keepalives, {@code tcp_user_timeout}); ending the session
 * releases the advisory lock, so another replica can proceed. None of them ends a
 * statement that is still running, such as a long {@code CREATE INDEX}. The client's
 * network timeout does, so it is off unless set. {@link Duration#ZERO} (or a count of 0)
 * leaves a setting as the server or driver has it. Applied to the run's own connection
 * and restored before it is closed.
 *
 * @param networkTimeout the JDBC network timeout of the run's connection
 * @param keepalivesIdle PostgreSQL {@code tcp_keepalives_idle}
 * @param keepalivesInterval PostgreSQL {@code tcp_keepalives_interval}
 * @param keepalivesCount PostgreSQL {@code tcp_keepalives_count}
 * @param tcpUserTimeout PostgreSQL {@code tcp_user_timeout}
 * @param idleInTransactionTimeout PostgreSQL {@code idle_in_transaction_session_timeout}
 * @param idleTimeout PostgreSQL {@code idle_session_timeout} (PostgreSQL 14 and later)
 */
public record SessionTimeouts(Duration networkTimeout, Duration keepalivesIdle, Duration keepalivesInterval,
		int keepalivesCount, Duration tcpUserTimeout, Duration idleInTransactionTimeout, Duration idleTimeout) {

	/**
	 * The defaults: a dead peer is noticed within about two minutes, an idle session
	 * after five.
	 */
	public static final SessionTimeouts DEFAULTS = new SessionTimeouts(Duration.ZERO, Duration.ofSeconds(30),
			Duration.ofSeconds(10), 3, Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(5));

	private static final Log logger = LogFactory.getLog(MigrationEngine.class);

	private static final Executor DIRECT = Runnable::run;

	Restore apply(Connection connection) {
		List<Runnable> restores = new ArrayList<>();
		try {
			if (!this.networkTimeout.isZero()) {
				int previous = connection.getNetworkTimeout();
				connection.setNetworkTimeout(DIRECT, (int) Math.min(Integer.MAX_VALUE, this.networkTimeout.toMillis()));
				restores.add(() -> {
					try {
						connection.setNetworkTimeout(DIRECT, previous);
					}
					catch (SQLException ex) {
						logger.debug("Could not restore the network timeout", ex);
					}
				});
			}
			if (DatabaseDriver
				.fromProductName(connection.getMetaData().getDatabaseProductName()) == DatabaseDriver.POSTGRESQL) {
				Map<String, String> previous = setAll(connection, serverSettings());
				if (!previous.isEmpty()) {
					restores.add(() -> {
						try {
							setAll(connection, previous);
						}
						catch (SQLException ex) {
							logger.debug("Could not restore the session settings", ex);
						}
					});
				}
			}
		}
		catch (SQLException ex) {
			logger.warn("Migrations: could not bound the migration session's network timeouts: "
					+ JdbcUrls.scrub(String.valueOf(ex.getMessage())));
		}
		return () -> restores.forEach(Runnable::run);
	}

	private Map<String, String> serverSettings() {
		Map<String, String> settings = new LinkedHashMap<>();
		put(settings, "tcp_keepalives_idle", this.keepalivesIdle);
		put(settings, "tcp_keepalives_interval", this.keepalivesInterval);
		if (this.keepalivesCount > 0) {
			settings.put("tcp_keepalives_count", Integer.toString(this.keepalivesCount));
		}
		put(settings, "tcp_user_timeout", this.tcpUserTimeout);
		put(settings, "idle_in_transaction_session_timeout", this.idleInTransactionTimeout);
		put(settings, "idle_session_timeout", this.idleTimeout);
		return settings;
	}

	private static void put(Map<String, String> settings, String name, Duration value) {
		if (!value.isZero()) {
			settings.put(name, value.toMillis() % 1000 == 0 && name.startsWith("tcp_keepalives")
					? value.toSeconds() + "s" : value.toMillis() + "ms");
		}
	}

	/**
	 * Set the settings this server knows, in one statement that works in or out of a
	 * transaction; returns their previous values.
	 */
	private static Map<String, String> setAll(Connection connection, Map<String, String> settings) throws SQLException {
		Map<String, String> previous = new LinkedHashMap<>();
		for (Map.Entry<String, String> setting : settings.entrySet()) {
			try (PreparedStatement statement = connection.prepareStatement(
					"SELECT current_setting(?, true), set_config(?, ?, false) WHERE current_setting(?, true) IS NOT NULL")) {
				statement.setString(1, setting.getKey());
				statement.setString(2, setting.getKey());
				statement.setString(3, setting.getValue());
				statement.setString(4, setting.getKey());
				try (ResultSet row = statement.executeQuery()) {
					if (row.next()) {
						previous.put(setting.getKey(), row.getString(1));
					}
				}
			}
		}
		if (!connection.getAutoCommit()) {
			connection.commit();
		}
		return previous;
	}

	/**
	 * Puts the settings back before the connection is returned.
	 */
	@FunctionalInterface
	interface Restore {

		void restore();

	}

}
