/**
 * The benchmark: one small application booted three ways, and the runner that compares
 * them.
 */
@NullMarked
package io.bootmigrations.benchmark;

import org.jspecify.annotations.NullMarked;
