/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

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
