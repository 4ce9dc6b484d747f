/**
 * The migration engine: runs Liquibase commands against one database and keeps an
 * immutable {@link io.bootmigrations.engine.MigrationStatus status snapshot}. Free of
 * Spring wiring so that boot, the actuator endpoint and the command runner share it.
 */
@NullMarked
package io.bootmigrations.engine;

import org.jspecify.annotations.NullMarked;
