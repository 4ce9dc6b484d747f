package io.bootmigrations.engine;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the engine could not do what it was asked. Carries a
 * {@link MigrationFailure} that says what failed, where, and what to do.
 */
public class MigrationException extends RuntimeException {

	private final MigrationFailure failure;

	public MigrationException(MigrationFailure failure, @Nullable Throwable cause) {
		super(describe(failure), cause);
		this.failure = failure;
	}

	/**
	 * The failure, for reports.
	 * @return the failure
	 */
	public MigrationFailure getFailure() {
		return this.failure;
	}

	private static String describe(MigrationFailure failure) {
		return "Migration failed (" + Failures.kind(failure) + "). " + Failures.summary(failure);
	}

}
