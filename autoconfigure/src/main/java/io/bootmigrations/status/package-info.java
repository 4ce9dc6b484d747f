/**
 * Where migrations stand, as one document: the records that
 * {@code GET /actuator/migrations} and the command line's
 * {@code --migrations.output=json} both render, and the readiness verdict that the health
 * indicator and the readiness state derive from the same snapshot.
 */
@NullMarked
package io.bootmigrations.status;

import org.jspecify.annotations.NullMarked;
