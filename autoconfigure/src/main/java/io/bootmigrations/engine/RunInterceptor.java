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
