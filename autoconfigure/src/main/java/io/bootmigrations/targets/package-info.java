/**
 * Several databases and tenant schemas: one {@link io.bootmigrations.engine.MigrationEngine}
 * per target (and schema), each with its own lock, fast path and history table, migrated
 * in parallel by {@link io.bootmigrations.targets.TargetEngines}.
 */
@NullMarked
package io.bootmigrations.targets;

import org.jspecify.annotations.NullMarked;
