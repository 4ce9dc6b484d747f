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

import io.bootmigrations.lock.LockStrategy;

import org.springframework.validation.Errors;

/**
 * Locking across replicas.
 *
 * @since 0.1.0
 */
public class LockProperties {

	/**
	 * How migrations of several processes are serialized: 'auto' uses the database's own
	 * lock where there is one (PostgreSQL advisory lock, MariaDB/MySQL GET_LOCK) and
	 * Liquibase's lock table elsewhere, 'advisory' requires the database's own lock,
	 * 'liquibase' always uses Liquibase's lock table.
	 */
	private LockStrategy strategy = LockStrategy.AUTO;

	/**
	 * How long a process waits while another one holds the migration lock before its
	 * startup fails.
	 */
	private Duration waitTimeout = Duration.ofMinutes(5);

	public LockStrategy getStrategy() {
		return this.strategy;
	}

	public void setStrategy(LockStrategy strategy) {
		this.strategy = strategy;
	}

	public Duration getWaitTimeout() {
		return this.waitTimeout;
	}

	public void setWaitTimeout(Duration waitTimeout) {
		this.waitTimeout = waitTimeout;
	}

	/**
	 * Rejects invalid values into the errors of the enclosing
	 * {@code MigrationsProperties} (field paths relative to {@code migrations}).
	 * @param errors the errors of the enclosing properties
	 */
	public void validate(Errors errors) {
		if (this.waitTimeout == null || this.waitTimeout.isNegative() || this.waitTimeout.isZero()) {
			errors.rejectValue("lock.waitTimeout", "migrations.lock.wait-timeout.positive",
					"migrations.lock.wait-timeout must be a positive duration such as 5m or 90s (how long a replica "
							+ "waits while another one migrates), but was " + this.waitTimeout);
		}
	}

}
