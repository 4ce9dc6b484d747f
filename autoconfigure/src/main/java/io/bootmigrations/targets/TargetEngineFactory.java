package io.bootmigrations.targets;

import io.bootmigrations.engine.MigrationEngine;

/**
 * Creates the engine of one target (and schema): the one place where a target's
 * {@link MigrationEngine} is constructed, with the same safeguards, fast path and
 * listeners as the {@code default} target's.
 */
@FunctionalInterface
public interface TargetEngineFactory {

	/**
	 * Create the engine of a target.
	 * @param target the target, with its schema if it is a tenant
	 * @return a new engine
	 */
	MigrationEngine create(TargetDefinition target);

}
