/**
 * Run-time guard rails: limits on how long a migration statement waits for a table lock,
 * so that live traffic never queues behind it, and retries of the changeset that gave up.
 */
@NullMarked
package io.bootmigrations.guard;

import org.jspecify.annotations.NullMarked;
