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

package io.bootmigrations.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BootLiquibaseAutoConfigurationFilter}: Boot's Liquibase
 * auto-configuration stays out only where the starter's takes its place.
 */
class BootLiquibaseAutoConfigurationFilterTests {

	private static final String BOOT = BootLiquibaseAutoConfigurationFilter.BOOT_LIQUIBASE;

	private static final String MIGRATIONS = MigrationsAutoConfiguration.class.getName();

	private static final String OTHER = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration";

	@Test
	void bootsLiquibaseIsLeftOutBesideTheStarters() {
		assertThat(filter(new MockEnvironment()).match(new String[] { OTHER, BOOT, MIGRATIONS, null }, null))
			.containsExactly(true, false, true, true);
	}

	@Test
	void bootsLiquibaseStaysWithMigrationsDisabled() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.enabled", "false");
		assertThat(filter(environment).match(new String[] { BOOT, MIGRATIONS }, null)).containsExactly(true, true);
	}

	@Test
	void bootsLiquibaseStaysWhereTheStartersIsNotImported() {
		// a test slice such as @DataJpaTest imports Boot's alone
		assertThat(filter(new MockEnvironment()).match(new String[] { OTHER, BOOT }, null)).containsExactly(true, true);
	}

	private static BootLiquibaseAutoConfigurationFilter filter(MockEnvironment environment) {
		BootLiquibaseAutoConfigurationFilter filter = new BootLiquibaseAutoConfigurationFilter();
		filter.setEnvironment(environment);
		return filter;
	}

}
