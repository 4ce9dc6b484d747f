/**
 * Operator commands from the application jar: {@code --migrations.command=<name>} runs
 * one command through the migration engine, prints its result and exits.
 */
@NullMarked
package io.bootmigrations.command;

import org.jspecify.annotations.NullMarked;
