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
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratedDatabase} with one database per test class, cloned from the
 * template on real PostgreSQL.
 */
class MigratedDatabaseTests {

	@RegisterExtension
	static final MigratedDatabase database = TestServer.migrated("classpath:db/library/changelog.xml");

	@Test
	void databaseHasTheMigratedSchemaAndData(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		assertThat(jdbc.queryForObject("SELECT name FROM author WHERE id = 1", String.class)).isEqualTo("Ursula");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM databasechangelog", Integer.class)).isEqualTo(3);
	}

	@Test
	void databaseIsACloneOfTheTemplateNotANewMigration() {
		assertThat(database.name()).startsWith(ClonePool.PREFIX);
		assertThat(database.templateName()).startsWith(TemplateDatabases.PREFIX);
		String history = "SELECT string_agg(id || '@' || dateexecuted, ',' ORDER BY orderexecuted) FROM databasechangelog";
		String cloned = new JdbcTemplate(database.dataSource()).queryForObject(history, String.class);
		String template = new JdbcTemplate(
				new DriverManagerDataSource(database.jdbcUrl().replace(database.name(), database.templateName()),
						database.username(), database.password()))
			.queryForObject(history, String.class);
		assertThat(cloned).isEqualTo(template).contains("1-author@", "3-seed@");
	}

}
