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

package io.bootmigrations.autoconfigure.properties;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import org.springframework.validation.Errors;

/**
 * Bounds on the migration session when the network to the database goes away. On
 * PostgreSQL the server then ends the session, which releases the lock. 0 leaves a
 * setting as the server or driver has it.
 *
 * @since 0.1.0
 */
public class SessionProperties {

	/**
	 * JDBC network (socket read) timeout of the migration connection. Must exceed the
	 * longest statement of any changeset; off by default.
	 */
	private Duration networkTimeout = Duration.ZERO;

	/**
	 * PostgreSQL tcp_keepalives_idle of the migration session.
	 */
	private Duration keepalivesIdle = Duration.ofSeconds(30);

	/**
	 * PostgreSQL tcp_keepalives_interval of the migration session.
	 */
	private Duration keepalivesInterval = Duration.ofSeconds(10);

	/**
	 * PostgreSQL tcp_keepalives_count of the migration session.
	 */
	private int keepalivesCount = 3;

	/**
	 * PostgreSQL tcp_user_timeout of the migration session: how long sent data may stay
	 * unacknowledged before the server drops the connection.
	 */
	private Duration tcpUserTimeout = Duration.ofSeconds(60);

	/**
	 * PostgreSQL idle_in_transaction_session_timeout of the migration session.
	 */
	private Duration idleInTransactionTimeout = Duration.ofMinutes(5);

	/**
	 * PostgreSQL idle_session_timeout of the migration session (PostgreSQL 14 and later).
	 */
	private Duration idleTimeout = Duration.ofMinutes(5);

	/**
	 * Rejects invalid values into the errors of the enclosing
	 * {@code MigrationsProperties} (field paths relative to {@code migrations}).
	 * @param errors the errors of the enclosing properties
	 */
	public void validate(Errors errors) {
		for (Map.Entry<String, Duration> entry : Map
			.of("networkTimeout", this.networkTimeout, "keepalivesIdle", this.keepalivesIdle, "keepalivesInterval",
					this.keepalivesInterval, "tcpUserTimeout", this.tcpUserTimeout, "idleInTransactionTimeout",
					this.idleInTransactionTimeout, "idleTimeout", this.idleTimeout)
			.entrySet()) {
			if (entry.getValue() == null || entry.getValue().isNegative()) {
				errors.rejectValue("session." + entry.getKey(), "migrations.session.not-negative",
						"migrations.session." + entry.getKey().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT)
								+ " must be a duration such as 30s, or 0 to leave the setting alone, but was "
								+ entry.getValue());
			}
		}
		if (this.keepalivesCount < 0) {
			errors.rejectValue("session.keepalivesCount", "migrations.session.not-negative",
					"migrations.session.keepalives-count must be 0 or more, but was " + this.keepalivesCount);
		}
	}

	public Duration getNetworkTimeout() {
		return this.networkTimeout;
	}

	public void setNetworkTimeout(Duration networkTimeout) {
		this.networkTimeout = networkTimeout;
	}

	public Duration getKeepalivesIdle() {
		return this.keepalivesIdle;
	}

	public void setKeepalivesIdle(Duration keepalivesIdle) {
		this.keepalivesIdle = keepalivesIdle;
	}

	public Duration getKeepalivesInterval() {
		return this.keepalivesInterval;
	}

	public void setKeepalivesInterval(Duration keepalivesInterval) {
		this.keepalivesInterval = keepalivesInterval;
	}

	public int getKeepalivesCount() {
		return this.keepalivesCount;
	}

	public void setKeepalivesCount(int keepalivesCount) {
		this.keepalivesCount = keepalivesCount;
	}

	public Duration getTcpUserTimeout() {
		return this.tcpUserTimeout;
	}

	public void setTcpUserTimeout(Duration tcpUserTimeout) {
		this.tcpUserTimeout = tcpUserTimeout;
	}

	public Duration getIdleInTransactionTimeout() {
		return this.idleInTransactionTimeout;
	}

	public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
		this.idleInTransactionTimeout = idleInTransactionTimeout;
	}

	public Duration getIdleTimeout() {
		return this.idleTimeout;
	}

	public void setIdleTimeout(Duration idleTimeout) {
		this.idleTimeout = idleTimeout;
	}

}
