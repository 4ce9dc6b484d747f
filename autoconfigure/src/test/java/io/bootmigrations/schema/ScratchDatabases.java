package io.bootmigrations.schema;

import java.util.List;

import io.bootmigrations.testsupport.TestDatabase;

/**
 * The scratch databases on a test database's server at one moment.
 *
 * @param names their names
 */
record ScratchDatabases(List<String> names) {

	static ScratchDatabases on(TestDatabase database) {
		return new ScratchDatabases(database.jdbc()
			.queryForList("SELECT datname FROM pg_database WHERE datname LIKE 'bm\\_scratch\\_%'", String.class));
	}

}
