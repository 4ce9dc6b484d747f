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
import java.time.Duration;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOffExecution;

/**
 * A database-native lock taken by polling a non-blocking "try lock" with backoff
 * (Spring's {@link RetryTemplate}), so that the wait can be reported and can time out
 * without depending on server settings.
 */
abstract class PollingMigrationLock implements MigrationLock {

	private static final long FIRST_BACKOFF_MILLIS = 50;

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	@Override
	public boolean replacesLiquibaseLock() {
		return true;
	}

	@Override
	public Handle acquire(Connection connection, Duration timeout, WaitListener listener) throws SQLException {
		long start = System.nanoTime();
		long[] nextReport = { 0 };
		RetryTemplate polling = new RetryTemplate(
				RetryPolicy.builder().includes(Busy.class).backOff(() -> new WithinTimeout(start, timeout)).build());
		try {
			polling.execute(() -> {
				if (tryAcquire(connection)) {
					return null;
				}
				long waited = System.nanoTime() - start;
				if (waited < timeout.toNanos() && waited >= nextReport[0]) {
					listener.waiting(holder(connection), Duration.ofNanos(waited), timeout);
					nextReport[0] = waited + REPORT_EVERY.toNanos();
				}
				throw new Busy();
			});
		}
		catch (RetryException ex) {
			if (Thread.currentThread().isInterrupted()) {
				throw new IllegalStateException("Interrupted while waiting for the migration lock", ex);
			}
			if (ex.getCause() instanceof SQLException failure) {
				throw failure;
			}
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new LockTimeoutException(strategy(), holder(connection), timeout);
		}
		return () -> release(connection);
	}

	/**
	 * Take the lock if it is free, without waiting.
	 * @param connection the connection
	 * @return whether the lock is now held by this connection
	 * @throws SQLException if the database failed
	 */
	protected abstract boolean tryAcquire(Connection connection) throws SQLException;

	/**
	 * Release the lock held by this connection.
	 * @param connection the connection
	 * @throws SQLException if the database failed
	 */
	protected abstract void release(Connection connection) throws SQLException;

	/**
	 * The lock is taken by someone else: poll again.
	 */
	private static final class Busy extends Exception {

		Busy() {
			super("busy", null, false, false);
		}

	}

	/**
	 * Exponential backoff from {@value #FIRST_BACKOFF_MILLIS} ms to 1 s, never sleeping
	 * past the timeout, so that the last try comes at the timeout; stops once it is
	 * reached.
	 */
	private static final class WithinTimeout implements BackOffExecution {

		private final long start;

		private final long timeout;

		private long backoff = FIRST_BACKOFF_MILLIS;

		WithinTimeout(long start, Duration timeout) {
			this.start = start;
			this.timeout = timeout.toNanos();
		}

		@Override
		public long nextBackOff() {
			long remaining = this.timeout - (System.nanoTime() - this.start);
			if (remaining <= 0) {
				return STOP;
			}
			long next = Math.max(1, Math.min(this.backoff, remaining / 1_000_000));
			this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF.toMillis());
			return next;
		}

	}

}
