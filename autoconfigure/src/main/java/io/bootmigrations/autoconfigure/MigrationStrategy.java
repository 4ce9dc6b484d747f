package io.bootmigrations.autoconfigure;

import io.bootmigrations.engine.MigrationEngine;

/**
 * Replaces what happens to the database on boot. Define a bean of this type to, for
 * example, validate instead of migrate, or to run something before and after.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Migrate (or not) on boot.
	 * @param engine the engine to use
	 */
	void migrate(MigrationEngine engine);

}
