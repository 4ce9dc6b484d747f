package io.bootmigrations.lock;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/**
 * A database-native lock taken by polling a non-blocking "try lock" with backoff, so that
 * the wait can be reported and can time out without depending on server settings.
 */
abstract class PollingMigrationLock implements MigrationLock {

	private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);

	private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	@Override
	public boolean replacesLiquibaseLock() {
		return true;
	}

	@Override
	public Handle acquire(Connection connection, Duration timeout, WaitListener listener) throws SQLException {
		long start = System.nanoTime();
		long backoff = FIRST_BACKOFF.toNanos();
		long nextReport = 0;
		while (!tryAcquire(connection)) {
			long waited = System.nanoTime() - start;
			if (waited >= timeout.toNanos()) {
				throw new LockTimeoutException(strategy(), holder(connection), timeout);
			}
			if (waited >= nextReport) {
				listener.waiting(holder(connection), Duration.ofNanos(waited), timeout);
				nextReport = waited + REPORT_EVERY.toNanos();
			}
			sleep(Math.min(backoff, timeout.toNanos() - waited));
			backoff = Math.min(backoff * 2, MAX_BACKOFF.toNanos());
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

	private static void sleep(long nanos) {
		try {
			Thread.sleep(Math.max(1, nanos / 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for the migration lock", ex);
		}
	}

}
