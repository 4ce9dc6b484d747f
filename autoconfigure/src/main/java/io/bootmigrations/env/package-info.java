/**
 * Database coordinates from the environment variables platforms hand out
 * ({@code DATABASE_URL}, {@code DB_HOST}, ...), as Spring datasource settings.
 */
@NullMarked
package io.bootmigrations.env;

import org.jspecify.annotations.NullMarked;
