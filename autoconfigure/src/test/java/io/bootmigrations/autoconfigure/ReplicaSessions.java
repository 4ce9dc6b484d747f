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

import java.time.Duration;

import io.bootmigrations.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What PostgreSQL sees of a replica's sessions, found by their application name.
 */
final class ReplicaSessions {

	private ReplicaSessions() {
	}

	/**
	 * Wait until the database has no session of the replica any more (after it was
	 * killed, the server may still finish what it had sent).
	 */
	static void awaitGone(TestDatabase database, String name) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			Integer sessions = database.jdbc()
				.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", Integer.class,
						name);
			if (sessions != null && sessions == 0) {
				return;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("The database still has sessions of " + name);
	}

	/**
	 * Wait until a session of the replica holds an advisory lock.
	 */
	static void awaitLockHeld(TestDatabase database, String name, ReplicaProcess process) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			Integer held = database.jdbc()
				.queryForObject(
						"SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
								+ "WHERE l.locktype = 'advisory' AND l.granted AND a.application_name = ?",
						Integer.class, name);
			if (held != null && held > 0) {
				return;
			}
			assertThat(process.isAlive()).as("%s ended before taking the lock:%n%s", name, process.output()).isTrue();
			Thread.sleep(20);
		}
		throw new AssertionError(name + " did not take the lock:\n" + process.output());
	}

}
