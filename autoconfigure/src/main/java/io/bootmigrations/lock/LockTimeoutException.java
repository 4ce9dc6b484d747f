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
