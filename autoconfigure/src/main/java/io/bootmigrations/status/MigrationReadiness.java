package io.bootmigrations.status;

import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.RunReport.Outcome;

/**
 * Whether an application may take traffic, judged from a {@link MigrationStatus}
 * snapshot alone. The health indicator and the readiness state both use it, so they
 * never disagree.
 */
public enum MigrationReadiness {

	/** The database is where this build expects it. */
	READY,

	/** Not yet known or being migrated: wait. */
	WAITING,

	/** The last run failed, or changesets are pending that this application did not apply. */
	BLOCKED;

	/**
	 * Judge a status.
	 * @param status the status snapshot
	 * @param blockOnUnexpected whether changesets in the database that the changelog
	 * does not contain block readiness
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
			// Pending after a successful run of this application means it migrated as far as
			// it was told (spring.liquibase.tag); otherwise it did not migrate itself.
			RunReport lastRun = status.lastRun();
			return (lastRun != null && (lastRun.outcome() == Outcome.SUCCEEDED || lastRun.byOperator())) ? READY
					: BLOCKED;
		}
		return READY;
	}

}
