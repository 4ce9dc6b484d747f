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
 * Where the database stands relative to the application's changelog.
 */
public enum MigrationState {

	/** Not yet inspected, or changesets are waiting to be applied. */
	PENDING,

	/** A run is applying changesets now. */
	MIGRATING,

	/** Every changeset of the changelog is applied. */
	UP_TO_DATE,

	/** The last run failed; see {@link MigrationStatus#lastRun()}. */
	FAILED

}
