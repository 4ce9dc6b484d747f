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

import java.io.Writer;

/**
 * One writing operation of the engine (update, upgrade, downgrade, tag, baseline, the
 * repair tools), in three steps that the {@link MigrationRunner} calls in a fixed order:
 * {@link #plan} reads what the operation would do and refuses what it cannot do before
 * anything changes; {@link #apply} does it; {@link #sql} writes the SQL that
 * {@code apply} would run instead of running it. Execution and SQL preview share the
 * plan, and an operation that has both shares one code path between them.
 * <p>
 * To add an operation: implement this interface in the engine package, give
 * {@link MigrationEngine} a method that runs it, and test its plan without a database
 * where it is pure (see {@link Plans}).
 *
 * @param <P> what the plan holds
 */
interface Operation<P> {

	/**
	 * The operation's name in reports, logs and metrics: {@code update}, {@code upgrade},
	 * ...
	 * @return the name
	 */
	String name();

	/**
	 * Whether running {@link #apply} again after it failed resumes it safely (it goes as
	 * far as it can, to head or a tag); told to the {@link RunInterceptor interceptors}.
	 * @return whether a retry is safe
	 */
	default boolean retryable() {
		return false;
	}

	/**
	 * Whether the runner plans once before it takes the lock, so that a refusal comes at
	 * once, without waiting for the lock and without a {@code MIGRATING} state.
	 * @return whether to plan before the lock
	 */
	default boolean planBeforeLock() {
		return true;
	}

	/**
	 * Read what the operation would do; change nothing. Called again under the lock,
	 * where the answer counts.
	 * @param session the session
	 * @return the plan
	 * @throws MigrationException with a {@link MigrationFailure.Kind#REFUSED} failure if
	 * the operation cannot be done
	 * @throws Exception if reading fails
	 */
	P plan(Session session) throws Exception;

	/**
	 * Do what the plan says, under the lock.
	 * @param session the session, on the connection that holds the lock
	 * @param plan the plan made under the lock
	 * @param tracker follows the run; {@link ProgressTracker#start(int)} before applying
	 * @return how many changesets were applied (or rolled back, or recorded)
	 * @throws Exception if it failed
	 */
	int apply(Session session, P plan, ProgressTracker tracker) throws Exception;

	/**
	 * Write the SQL {@link #apply} would run, without running it.
	 * @param session the session
	 * @param plan the plan
	 * @param sql where to write
	 * @throws Exception if it failed
	 */
	default void sql(Session session, P plan, Writer sql) throws Exception {
		throw new UnsupportedOperationException("'" + name() + "' has no SQL preview");
	}

}
