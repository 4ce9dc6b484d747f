package io.bootmigrations.env;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When {@code spring.datasource.url} is not set, turns {@code DATABASE_URL} or
 * {@code DB_HOST}/{@code DB_PORT}/{@code DB_NAME}/{@code DB_USER}/{@code DB_PASSWORD}
 * into the Spring datasource settings, so that the application and its migration
 * commands use the database the platform handed out.
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source this post-processor adds. */
	public static final String PROPERTY_SOURCE = "migrationsDatabaseEnvironment";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
			return;
		}
		DatabaseCoordinates coordinates = DatabaseCoordinates.from(environment::getProperty);
		if (coordinates != null) {
			environment.getPropertySources()
				.addLast(new MapPropertySource(PROPERTY_SOURCE, coordinates.toProperties()));
		}
	}

}
