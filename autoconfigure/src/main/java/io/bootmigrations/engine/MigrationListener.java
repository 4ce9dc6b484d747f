package io.bootmigrations.engine;

/**
 * Callbacks from the engine, for progress reporting and metrics. Called on the thread
 * that runs the migration; implementations must be quick and must not throw.
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

}
