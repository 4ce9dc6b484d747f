/**
 * The fast path of a boot with nothing to apply: a fingerprint of everything that decides
 * what Liquibase would do, recorded after a successful run and compared on the next boot
 * before Liquibase is loaded. See {@code src/docs/fast-path.md} for why no pending change
 * can be skipped.
 */
@NullMarked
package io.bootmigrations.engine.fastpath;

import org.jspecify.annotations.NullMarked;
