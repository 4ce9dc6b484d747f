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

package io.bootmigrations.engine;

import java.util.List;
import java.util.Map;

import liquibase.integration.spring.SpringLiquibase;
import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database migrated by Spring Boot's own Liquibase support (a plain
 * {@link SpringLiquibase}, as Boot configures it), then taken over by the starter with
 * the same settings: nothing is applied, no drift is reported, rows and checksums stay as
 * Boot's support left them. The changelog uses context-, label- and dbms-scoped
 * properties, {@code logicalFilePath}, {@code sqlFile}, {@code includeAll}, a
 * {@code MARK_RAN} precondition, a custom change and XML, YAML and SQL changelogs.
 * (Boot's support on Liquibase 4.33 refuses a {@code customChange} whose class is
 * missing, even in an inactive context, so that case has nothing to match.)
 */
class BootLiquibaseDropInIntegrationTests {

	private static final String CHANGELOG = "classpath:db/dropin/master.xml";

	private static final String CONTEXTS = "postgresql,test";

	private static final String LABELS = "demo";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("dropin");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void databaseMigratedByBootsSupportIsUpToDateForTheStarter() throws Exception {
		SpringLiquibase boot = new SpringLiquibase();
		boot.setDataSource(this.database.dataSource());
		boot.setChangeLog(CHANGELOG);
		boot.setContexts(CONTEXTS);
		boot.setLabelFilter(LABELS);
		boot.setResourceLoader(new DefaultResourceLoader());
		boot.afterPropertiesSet();
		List<Map<String, Object>> rowsByBoot = rows();
		assertThat(rowsByBoot).extracting((row) -> row.get("id"))
			.containsExactly("1-item", "2-seed", "3-only-once", "4-custom", "6-yaml", "7-sql", "8-more");
		assertThat(this.database.jdbc().queryForList("SELECT name FROM item ORDER BY name", String.class))
			.containsExactly("demo", "from-custom-change", "seeded");

		MigrationEngine starter = new MigrationEngine(this.database.dataSource(),
				MigrationSettings.forChangeLog(CHANGELOG).contexts(CONTEXTS).labelFilter(LABELS).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
		assertThat(starter.validate().checksumMismatches()).isEmpty();
		RunReport report = starter.migrate();
		assertThat(report.applied()).isZero();
		MigrationStatus status = starter.status();
		assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(status.pending()).isEmpty();
		assertThat(status.unexpected()).isEmpty();
		assertThat(rows()).isEqualTo(rowsByBoot);
	}

	private List<Map<String, Object>> rows() {
		return this.database.jdbc()
			.queryForList("SELECT id, author, filename, md5sum, exectype, orderexecuted, tag, contexts, labels "
					+ "FROM databasechangelog ORDER BY orderexecuted");
	}

}
