package io.bootmigrations.engine;

import java.sql.Connection;
import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/**
 * Read-only work on the parsed changelog and the database, for tools such as the lint.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface ChangeLogInspection<T> {

	/**
	 * Inspect.
	 * @param connection a connection of its own, without the migration lock
	 * @param database Liquibase's view of the database
	 * @param changeSets the changesets asked for, in changelog order
	 * @return the result
	 * @throws Exception if the inspection failed
	 */
	T inspect(Connection connection, Database database, List<ChangeSet> changeSets) throws Exception;

}
