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

package io.bootmigrations.status;

import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.RunReport.Outcome;

/**
 * Whether an application may take traffic, judged from a {@link MigrationStatus} snapshot
 * alone. The health indicator and the readiness state both use it, so they never
 * disagree.
 */
public enum MigrationReadiness {

	/** The database is where this build expects it. */
	READY,

	/** Not yet known or being migrated: wait. */
	WAITING,

	/**
	 * The last run failed, or changesets are pending that this application did not apply.
	 */
	BLOCKED;

	/**
	 * Judge a status.
	 * @param status the status snapshot
	 * @param blockOnUnexpected whether changesets in the database that the changelog does
	 * not contain block readiness
	 * @return the verdict
	 */
	public static MigrationReadiness of(MigrationStatus status, boolean blockOnUnexpected) {
		MigrationState state = status.state();
		if (state == MigrationState.MIGRATING) {
			return WAITING;
		}
		if (state == MigrationState.FAILED) {
			return BLOCKED;
		}
		if (status.checkedAt() == null) {
			return WAITING;
		}
		if (blockOnUnexpected && !status.unexpected().isEmpty()) {
			return BLOCKED;
		}
		if (state == MigrationState.PENDING) {
			// Pending after a successful run of this application means it migrated as far
			// as
			// it was told (spring.liquibase.tag); otherwise it did not migrate itself.
			RunReport lastRun = status.lastRun();
			return (lastRun != null && (lastRun.outcome() == Outcome.SUCCEEDED || lastRun.byOperator())) ? READY
					: BLOCKED;
		}
		return READY;
	}

}
