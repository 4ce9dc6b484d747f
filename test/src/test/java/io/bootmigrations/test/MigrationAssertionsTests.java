package io.bootmigrations.test;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.AssertionFailedError;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationAssertions} on databases made by {@link MigratedDatabase}.
 */
class MigrationAssertionsTests {

	@RegisterExtension
	static final MigratedDatabase database = TestServer.migrated("classpath:db/library/changelog.xml").perTest();

	@Test
	void migratedDatabaseHasNoDrift() {
		MigrationAssertions.assertNoDrift(database);
	}

	@Test
	void columnAddedByHandIsDrift() {
		new JdbcTemplate(database.dataSource()).execute("ALTER TABLE book ADD COLUMN hotfix int");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationAssertions.assertNoDrift(database))
			.withMessageContaining("book.hotfix: column in the database, not in the migrations");
		MigrationAssertions.assertNoDrift(database, "book.hotfix");
	}

	@Test
	void rollbacksOfTheLibraryChangelogRestoreTheSchema() {
		MigrationAssertions.assertRollbacksRestoreSchema(database);
	}

	@Test
	void leakyRollbackFailsNamingTheChangeSetAndTheDifference() {
		MigratedDatabase leaky = TestServer.migrated("classpath:db/leaky/changelog.xml");
		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationAssertions.assertRollbacksRestoreSchema(leaky))
			.withMessageContaining("db/leaky/changelog.xml::4-extra::test")
			.withMessageContaining("leaky-rollback: column book.extra remains");
	}

}
