/**
 * Read-only looks at single changesets and the recorded history, for the {@code show}
 * and {@code history --migrations.verbose=true} commands.
 */
@NullMarked
package io.bootmigrations.inspect;

import org.jspecify.annotations.NullMarked;
