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

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Run-time guard rails on PostgreSQL.
 *
 * @since 0.1.0
 */
public class PostgresqlProperties {

	/**
	 * How long each statement of a changeset waits for a table lock before it gives up
	 * (then the changeset is retried), so that the application's queries never queue
	 * behind it for longer; 0 turns the guard off.
	 */
	private Duration lockTimeout = Duration.ofSeconds(10);

	/**
	 * How many times a changeset that gave up waiting for a lock runs again, with backoff
	 * starting at one second.
	 */
	private int lockRetries = 5;

	/**
	 * How long each statement of a changeset may run; unlimited when not set.
	 */
	private @Nullable Duration statementTimeout;

	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public @Nullable Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(@Nullable Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	/**
	 * Rejects invalid values into the errors of the enclosing
	 * {@code MigrationsProperties} (field paths relative to {@code migrations}).
	 * @param errors the errors of the enclosing properties
	 */
	public void validate(Errors errors) {
		if (this.lockTimeout == null || this.lockTimeout.isNegative()) {
			errors.rejectValue("postgresql.lockTimeout", "migrations.postgresql.lock-timeout.not-negative",
					"migrations.postgresql.lock-timeout must be a duration such as 10s, or 0 to turn the guard "
							+ "off, but was " + this.lockTimeout);
		}
		if (this.lockRetries < 0) {
			errors.rejectValue("postgresql.lockRetries", "migrations.postgresql.lock-retries.not-negative",
					"migrations.postgresql.lock-retries must be 0 or more, but was " + this.lockRetries);
		}
		if (this.statementTimeout != null && (this.statementTimeout.isNegative() || this.statementTimeout.isZero())) {
			errors.rejectValue("postgresql.statementTimeout", "migrations.postgresql.statement-timeout.positive",
					"migrations.postgresql.statement-timeout must be a positive duration such as 15m, or unset for "
							+ "no limit, but was " + this.statementTimeout);
		}
	}

}
