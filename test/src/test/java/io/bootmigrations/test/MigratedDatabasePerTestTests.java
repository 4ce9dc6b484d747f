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

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratedDatabase#perTest()}: each test writes the same row, which only
 * works if each gets a database of its own.
 */
class MigratedDatabasePerTestTests {

	@RegisterExtension
	static final MigratedDatabase database = TestServer.migrated("classpath:db/library/changelog.xml").perTest();

	@Test
	void firstTestWritesARow(DataSource dataSource) {
		insertTheSameAuthor(dataSource);
	}

	@Test
	void secondTestWritesTheSameRowInAFreshDatabase(DataSource dataSource) {
		insertTheSameAuthor(dataSource);
	}

	private static void insertTheSameAuthor(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("INSERT INTO author (id, name) VALUES (2, 'Octavia')");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM author", Integer.class)).isEqualTo(2);
	}

}
