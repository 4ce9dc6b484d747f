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

/**
 * Wraps the Liquibase work of every writing run, on the migration connection and under
 * the migration lock: to look at the changesets about to run and refuse them, to follow
 * each changeset with a listener, or to run the work again after a transient failure.
 * Interceptors nest in the order given to the engine, the first outermost. The lint on
 * boot and the PostgreSQL lock-timeout guard plug in here.
 */
@FunctionalInterface
public interface RunInterceptor {

	/**
	 * Run the work, or refuse to by throwing a {@link MigrationException}.
	 * @param run the run: its operation, connection and pending changesets
	 * @param work the Liquibase work; may be called again after it failed, when
	 * {@link RunContext#retryable()} says that is safe
	 * @return what the work returned: the number of changesets applied
	 * @throws Exception if the work failed or was refused
	 */
	int intercept(RunContext run, Work work) throws Exception;

	/**
	 * The Liquibase work of a run.
	 */
	@FunctionalInterface
	interface Work {

		/**
		 * Run it once.
		 * @return the number of changesets applied
		 * @throws Exception if it failed
		 */
		int run() throws Exception;

	}

}
