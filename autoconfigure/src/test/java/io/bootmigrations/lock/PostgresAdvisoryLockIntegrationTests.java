package io.bootmigrations.lock;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link MigrationLockContractTests} for {@link PostgresAdvisoryLock}.
 */
class PostgresAdvisoryLockIntegrationTests extends MigrationLockContractTests {

	@Override
	protected TestDatabase createDatabase(String prefix) {
		return TestDatabaseServer.postgres().create(prefix);
	}

	@Override
	protected MigrationLock lock(Connection connection, String table) throws SQLException {
		MigrationLock lock = MigrationLocks.forDatabase(LockStrategy.AUTO, connection, null, table);
		assertThat(lock).isInstanceOf(PostgresAdvisoryLock.class);
		return lock;
	}

	@Test
	void keyIsStableAndDependsOnSchemaAndTable() {
		assertThat(new PostgresAdvisoryLock("public", "DATABASECHANGELOG").key())
			.isEqualTo(new PostgresAdvisoryLock("PUBLIC", "databasechangelog").key())
			.isNotEqualTo(new PostgresAdvisoryLock("app", "databasechangelog").key())
			.isEqualTo(PostgresAdvisoryLock.key("public.databasechangelog"));
	}

}
