package io.bootmigrations.engine;

import java.util.concurrent.Callable;

import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * Reads through Liquibase, for {@link MigrationEngine#read(LiquibaseReader)}; the
 * changelog is parsed only if asked for.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface LiquibaseReader<T> {

	/**
	 * Read.
	 * @param database Liquibase's view of the database, with the configured schemas and
	 * tables
	 * @param changeLog parses the changelog when called
	 * @return the result
	 * @throws Exception if reading fails
	 */
	T read(Database database, Callable<DatabaseChangeLog> changeLog) throws Exception;

}
