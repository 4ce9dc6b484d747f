/**
 * Failure analysis that turns a failed migration into one clear startup report.
 */
@NullMarked
package io.bootmigrations.diagnostics;

import org.jspecify.annotations.NullMarked;
