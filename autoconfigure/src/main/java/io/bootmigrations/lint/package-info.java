/**
 * Zero-downtime lint: finds changesets that would lock a busy table or break the
 * previous release during a rolling deploy, before they run.
 */
@NullMarked
package io.bootmigrations.lint;

import org.jspecify.annotations.NullMarked;
