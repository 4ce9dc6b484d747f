/**
 * Test support for applications migrated by Boot Migrations: a JUnit 5 extension that
 * gives each test class (or test) a freshly migrated PostgreSQL database cloned from a
 * template, and assertions for schema drift and rollbacks.
 */
@NullMarked
package io.bootmigrations.test;

import org.jspecify.annotations.NullMarked;
