/**
 * Auto-configuration that migrates the application's database with Liquibase on boot.
 */
@NullMarked
package io.bootmigrations.autoconfigure;

import org.jspecify.annotations.NullMarked;
