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
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What one run of the engine did.
 *
 * @param operation the operation run (for example {@code update})
 * @param startedAt when the run started
 * @param finishedAt when it finished
 * @param applied how many changesets it applied (rolled back, for a downgrade; recorded,
 * for a baseline)
 * @param outcome whether it succeeded
 * @param error why it failed, when it failed
 * @param markedRan how many changesets it marked as ran without running them (a failed
 * precondition with {@code onFail="MARK_RAN"}), not counted in {@code applied}
 */
public record RunReport(String operation, Instant startedAt, Instant finishedAt, int applied, Outcome outcome,
		@Nullable MigrationFailure error, int markedRan) {

	/**
	 * A report of a run that marked nothing as ran.
	 * @param operation the operation run
	 * @param startedAt when the run started
	 * @param finishedAt when it finished
	 * @param applied how many changesets it applied
	 * @param outcome whether it succeeded
	 * @param error why it failed, when it failed
	 */
	public RunReport(String operation, Instant startedAt, Instant finishedAt, int applied, Outcome outcome,
			@Nullable MigrationFailure error) {
		this(operation, startedAt, finishedAt, applied, outcome, error, 0);
	}

	/**
	 * Whether an operator asked for this run (an upgrade, downgrade, tag... from the
	 * endpoint or a command) rather than the migration on boot. A failed operator run
	 * leaves the state it found: it reports the failure without making a service that was
	 * ready unready.
	 * @return whether the run is an operator operation
	 */
	public boolean byOperator() {
		return !"update".equals(this.operation);
	}

	/**
	 * How long the run took.
	 * @return the duration
	 */
	public Duration duration() {
		return Duration.between(this.startedAt, this.finishedAt);
	}

	/**
	 * The outcome of a run.
	 */
	public enum Outcome {

		/** The run did all it was asked to. */
		SUCCEEDED,

		/** The run stopped on an error. */
		FAILED

	}

}
