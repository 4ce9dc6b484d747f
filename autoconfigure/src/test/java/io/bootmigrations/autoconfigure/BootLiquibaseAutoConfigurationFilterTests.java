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
		assertThat(filter(new MockEnvironment()).match(new String[] { OTHER, BOOT }, null)).containsExactly(true,
				true);
	}

	private static BootLiquibaseAutoConfigurationFilter filter(MockEnvironment environment) {
		BootLiquibaseAutoConfigurationFilter filter = new BootLiquibaseAutoConfigurationFilter();
		filter.setEnvironment(environment);
		return filter;
	}

}
