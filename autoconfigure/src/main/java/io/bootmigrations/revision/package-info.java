/**
 * The {@code revision} command: writes a new changelog file for the next change and wires
 * it into the master changelog.
 */
@NullMarked
package io.bootmigrations.revision;

import org.jspecify.annotations.NullMarked;
