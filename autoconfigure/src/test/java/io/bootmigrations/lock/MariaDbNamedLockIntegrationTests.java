package io.bootmigrations.lock;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationLockContractTests} for {@link MariaDbNamedLock}.
 */
class MariaDbNamedLockIntegrationTests extends MigrationLockContractTests {

	@Override
	protected TestDatabase createDatabase(String prefix) {
		return TestDatabaseServer.mariadb().create(prefix);
	}

	@Override
	protected MigrationLock lock(Connection connection, String table) throws SQLException {
		MigrationLock lock = MigrationLocks.forDatabase(LockStrategy.AUTO, connection, null, table);
		assertThat(lock).isInstanceOf(MariaDbNamedLock.class);
		return lock;
	}

	@Test
	void longNamesAreShortenedToSixtyFourCharactersAndStayDistinct() {
		String schema = "a_database_with_a_rather_long_name_for_a_service";
		String first = MariaDbNamedLock.name(schema, "databasechangelog");
		String second = MariaDbNamedLock.name(schema, "databasechangelog_two");
		assertThat(first).hasSizeLessThanOrEqualTo(64).isNotEqualTo(second);
		assertThat(second).hasSizeLessThanOrEqualTo(64);
		assertThat(MariaDbNamedLock.name("app", "DATABASECHANGELOG")).isEqualTo("boot-migrations:app.databasechangelog");
	}

}
