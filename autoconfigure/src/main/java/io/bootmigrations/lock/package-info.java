/**
 * Database locks that serialize migrations across processes: a PostgreSQL session-level
 * advisory lock, a MariaDB/MySQL named lock, or Liquibase's own table lock as the
 * fallback. The database releases the first two when the holding process dies.
 */
@NullMarked
package io.bootmigrations.lock;

import org.jspecify.annotations.NullMarked;
