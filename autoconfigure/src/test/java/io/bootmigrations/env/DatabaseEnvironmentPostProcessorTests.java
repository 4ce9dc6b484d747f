package io.bootmigrations.env;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DatabaseEnvironmentPostProcessor}.
 */
class DatabaseEnvironmentPostProcessorTests {

	private final DatabaseEnvironmentPostProcessor postProcessor = new DatabaseEnvironmentPostProcessor();

	@Test
	void setsTheDatasourceFromDatabaseUrl() {
		MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL",
				"postgres://app:pw@db:5432/notes?sslmode=require");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url"))
			.isEqualTo("jdbc:postgresql://db:5432/notes?sslmode=require");
		assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
		assertThat(environment.getProperty("spring.datasource.password")).isEqualTo("pw");
	}

	@Test
	void backsOffWhenSpringDatasourceUrlIsSet() {
		MockEnvironment environment = new MockEnvironment().withProperty("DATABASE_URL", "not a url at all")
			.withProperty("spring.datasource.url", "jdbc:h2:mem:x");
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:mem:x");
		assertThat(environment.getPropertySources().contains(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
	}

	@Test
	void addsNothingWithoutDatabaseVariables() {
		MockEnvironment environment = new MockEnvironment();
		this.postProcessor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getPropertySources().contains(DatabaseEnvironmentPostProcessor.PROPERTY_SOURCE))
			.isFalse();
	}

}
