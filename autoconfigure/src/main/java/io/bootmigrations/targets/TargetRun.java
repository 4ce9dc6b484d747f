package io.bootmigrations.targets;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.RunReport;

/**
 * What one target's run did on boot or on request.
 *
 * @param id the target's id ({@code name} or {@code name:schema})
 * @param report the run's report, or {@code null} if the run failed
 * @param error why it failed, without credentials, or {@code null}
 */
public record TargetRun(String id, @Nullable RunReport report, @Nullable String error) {

	/**
	 * Whether the run failed.
	 * @return whether it failed
	 */
	public boolean failed() {
		return this.error != null;
	}

}
