package io.bootmigrations.targets;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationStatus;

/**
 * Creates a listener of one target's engine, for what must be told apart per target
 * (metrics tagged with the target's id).
 */
@FunctionalInterface
public interface TargetListenerFactory {

	/**
	 * Create the listener of a target.
	 * @param id the target's id
	 * @param status the target's current status, {@code null} before its engine exists
	 * @return the listener
	 */
	MigrationListener create(String id, Supplier<@Nullable MigrationStatus> status);

}
