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
