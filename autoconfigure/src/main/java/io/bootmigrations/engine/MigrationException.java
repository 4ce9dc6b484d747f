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

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the engine could not do what it was asked. Carries a
 * {@link MigrationFailure} that says what failed, where, and what to do.
 */
public class MigrationException extends RuntimeException {

	private final MigrationFailure failure;

	public MigrationException(MigrationFailure failure, @Nullable Throwable cause) {
		super(describe(failure), cause);
		this.failure = failure;
	}

	/**
	 * The failure, for reports.
	 * @return the failure
	 */
	public MigrationFailure getFailure() {
		return this.failure;
	}

	private static String describe(MigrationFailure failure) {
		return "Migration failed (" + Failures.kind(failure) + "). " + Failures.summary(failure);
	}

}
