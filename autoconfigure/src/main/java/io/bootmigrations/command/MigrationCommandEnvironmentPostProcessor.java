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

package io.bootmigrations.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * When {@code migrations.command} is set, makes the application a one-shot command: no
 * web server, no migration on boot (the command decides), no schema validation or
 * generation by Hibernate, no banner, and a console that shows only warnings (errors for
 * JSON output and the {@code -sql} commands) so that the result is what is printed.
 */
public class MigrationCommandEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source that forces the command settings. */
	public static final String FORCED = "migrationsCommand";

	/** Name of the property source of overridable defaults for a command. */
	public static final String DEFAULTS = "migrationsCommandDefaults";

	@Override
	public int getOrder() {
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!StringUtils.hasText(environment.getProperty("migrations.command"))) {
			return;
		}
		Map<String, Object> forced = new LinkedHashMap<>();
		forced.put("spring.main.web-application-type", "none");
		forced.put("migrations.mode", "off");
		forced.put("spring.main.banner-mode", "off");
		// a command must not have Hibernate validate or alter the schema it inspects or
		// changes
		forced.put("spring.jpa.hibernate.ddl-auto", "none");
		forced.put("spring.jpa.properties.hibernate.hbm2ddl.auto", "none");
		environment.getPropertySources().addFirst(new MapPropertySource(FORCED, forced));
		boolean json = "json".equalsIgnoreCase(environment.getProperty("migrations.output", "text").strip());
		boolean sql = environment.getProperty("migrations.command", "").strip().toLowerCase().endsWith("-sql");
		// before logging starts: the console log and Liquibase's messages go to stderr,
		// the
		// result alone to stdout
		CommandOutput.separate();
		Map<String, Object> defaults = new LinkedHashMap<>();
		// stdout is the result: JSON or SQL must stay parseable, so only errors are
		// logged then
		defaults.put("logging.threshold.console", (json || sql) ? "ERROR" : "WARN");
		defaults.put("spring.main.log-startup-info", "false");
		if (!environment.containsProperty("debug") && !environment.containsProperty("trace")) {
			// a warning is one line (its exception's message); --debug shows stack traces
			defaults.put("logging.exception-conversion-word", "%wEx{short}");
		}
		environment.getPropertySources().addLast(new MapPropertySource(DEFAULTS, defaults));
	}

}
