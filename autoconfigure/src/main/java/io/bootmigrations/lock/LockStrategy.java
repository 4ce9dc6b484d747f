package io.bootmigrations.lock;

/**
 * How migrations are serialized across processes.
 */
public enum LockStrategy {

	/**
	 * The database's native lock where there is one (PostgreSQL advisory lock,
	 * MariaDB/MySQL named lock), Liquibase's table lock elsewhere.
	 */
	AUTO,

	/**
	 * The database's native lock; fail if the database has none.
	 */
	ADVISORY,

	/**
	 * Liquibase's own {@code DATABASECHANGELOGLOCK} row. A process killed while holding it
	 * leaves it locked until someone runs {@code release-locks}.
	 */
	LIQUIBASE

}
