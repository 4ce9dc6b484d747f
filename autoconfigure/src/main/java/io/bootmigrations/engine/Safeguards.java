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

import java.time.Duration;

import io.bootmigrations.lock.LockStrategy;

/**
 * How the engine protects a run against other processes and a database that is not up
 * yet.
 *
 * @param lockStrategy how runs are serialized across processes
 * @param lockWaitTimeout how long a run waits for another process's lock before it fails
 * @param waitForDatabase how long a run retries getting its first connection;
 * {@link Duration#ZERO} to fail at once
 * @param session bounds on a migration session whose network goes away
 */
public record Safeguards(LockStrategy lockStrategy, Duration lockWaitTimeout, Duration waitForDatabase,
		SessionTimeouts session) {

	/** The default time to wait for another process's lock. */
	public static final Duration DEFAULT_LOCK_WAIT_TIMEOUT = Duration.ofMinutes(5);

	/** The default time to wait for the database. */
	public static final Duration DEFAULT_WAIT_FOR_DATABASE = Duration.ofSeconds(60);

	public Safeguards {
		if (lockWaitTimeout.isNegative()) {
			throw new IllegalArgumentException("lockWaitTimeout must not be negative: " + lockWaitTimeout);
		}
		if (waitForDatabase.isNegative()) {
			throw new IllegalArgumentException("waitForDatabase must not be negative: " + waitForDatabase);
		}
	}

	/**
	 * Safeguards with the default session timeouts.
	 * @param lockStrategy how runs are serialized across processes
	 * @param lockWaitTimeout how long a run waits for another process's lock
	 * @param waitForDatabase how long a run retries getting its first connection
	 */
	public Safeguards(LockStrategy lockStrategy, Duration lockWaitTimeout, Duration waitForDatabase) {
		this(lockStrategy, lockWaitTimeout, waitForDatabase, SessionTimeouts.DEFAULTS);
	}

	/**
	 * The defaults: the database's native lock, wait up to five minutes for it, and up to
	 * 60 seconds for the database.
	 * @return the defaults
	 */
	public static Safeguards defaults() {
		return new Safeguards(LockStrategy.AUTO, DEFAULT_LOCK_WAIT_TIMEOUT, DEFAULT_WAIT_FOR_DATABASE);
	}

}
