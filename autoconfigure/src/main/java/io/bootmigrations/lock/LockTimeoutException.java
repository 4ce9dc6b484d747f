package io.bootmigrations.lock;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Another process held the migration lock for longer than this process would wait.
 */
public class LockTimeoutException extends RuntimeException {

	private final @Nullable LockHolder holder;

	private final Duration timeout;

	public LockTimeoutException(String strategy, @Nullable LockHolder holder, Duration timeout) {
		super("Timed out after " + timeout.toSeconds() + " s waiting for the migration lock (" + strategy
				+ "), held by " + ((holder != null) ? holder.describe() : "another session"));
		this.holder = holder;
		this.timeout = timeout;
	}

	/**
	 * Who held the lock when this process gave up.
	 * @return the holder, if known
	 */
	public @Nullable LockHolder getHolder() {
		return this.holder;
	}

	/**
	 * How long this process waited.
	 * @return the timeout
	 */
	public Duration getTimeout() {
		return this.timeout;
	}

}
