package io.bootmigrations.engine;

/**
 * Callbacks from the engine, for progress reporting and metrics. Called on the thread
 * that runs the migration; implementations must be quick and must not throw,
 * except {@link #outOfOrder(java.util.List)}.
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
