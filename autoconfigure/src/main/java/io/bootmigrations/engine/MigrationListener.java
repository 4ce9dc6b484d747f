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
 * Callbacks from the engine, for progress reporting and metrics. Called on the thread
 * that runs the migration; implementations must be quick and must not throw, except
 * {@link #outOfOrder(java.util.List)}.
 */
public interface MigrationListener {

	/**
	 * A run starts.
	 * @param operation the operation
	 * @param total how many changesets it is about to apply
	 */
	default void runStarted(String operation, int total) {
	}

	/**
	 * A changeset was applied.
	 * @param changeSet the changeset
	 * @param progress the progress of the run including this changeset
	 */
	default void changeSetApplied(ChangeSetInfo changeSet, MigrationStatus.Progress progress) {
	}

	/**
	 * A run finished, successfully or not.
	 * @param report what the run did
	 * @param status the status after the run
	 */
	default void runFinished(RunReport report, MigrationStatus status) {
	}

	/**
	 * Before an update applies anything: some pending changesets sit before applied ones
	 * in the changelog (two branches merged). The one callback that may throw a
	 * {@link MigrationException}, to refuse the run before anything is applied.
	 * @param outOfOrder the out-of-order changesets, in changelog order
	 */
	default void outOfOrder(java.util.List<ChangeSetInfo> outOfOrder) {
	}

}
