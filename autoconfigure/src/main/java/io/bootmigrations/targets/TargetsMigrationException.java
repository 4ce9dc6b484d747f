package io.bootmigrations.targets;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown after every target has finished when some of them failed: names each failed
 * target (and schema) with its error.
 */
public class TargetsMigrationException extends RuntimeException {

	private final List<TargetRun> failed;

	public TargetsMigrationException(List<TargetRun> failed, int total) {
		super(describe(failed, total));
		this.failed = List.copyOf(failed);
	}

	/**
	 * The failed runs.
	 * @return the failed runs
	 */
	public List<TargetRun> getFailed() {
		return this.failed;
	}

	private static String describe(List<TargetRun> failed, int total) {
		return "Migrations failed on " + failed.size() + " of " + total + " target(s) (the others finished): "
				+ failed.stream().map((run) -> run.id() + ": " + run.error()).collect(Collectors.joining("; "));
	}

}
