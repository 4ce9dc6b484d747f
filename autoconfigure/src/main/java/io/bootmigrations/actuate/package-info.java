/**
 * The operator's view of migrations: the {@code migrations} actuator endpoint, health
 * indicator and metrics, all served from the engine's in-memory status snapshot.
 */
@NullMarked
package io.bootmigrations.actuate;

import org.jspecify.annotations.NullMarked;
