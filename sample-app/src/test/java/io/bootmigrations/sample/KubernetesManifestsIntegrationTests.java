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

package io.bootmigrations.sample;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.bootmigrations.autoconfigure.MigrationsProperties;
import io.bootmigrations.testsupport.Http;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample app with the environment of each Kubernetes manifest in {@code k8s/}
 * (its database pointed at a test PostgreSQL database) and checks that every probe the
 * manifest declares is answered by the app, on the path and port it names.
 */
class KubernetesManifestsIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("k8s");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@ParameterizedTest
	@ValueSource(strings = { "deployment-sync.yaml", "deployment-background.yaml" })
	void probesOfTheManifestAreAnsweredByTheApp(String manifest) throws IOException {
		Map<String, Object> container = container(manifest);
		Map<String, String> env = env(container);
		assertThat(env).containsKeys("MIGRATIONS_EXECUTION", "MIGRATIONS_ONFAILURE",
				"MIGRATIONS_STATUS_REFRESHINTERVAL");
		env.putAll(JarProcess.env(this.database));
		env.put("SERVER_PORT", "0");
		SpringApplication application = new SpringApplication(NotesApplication.class);
		// named like the system environment, so that Boot maps the variables as it maps
		// real ones
		application.addInitializers((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("k8s-systemEnvironment", new LinkedHashMap<>(env))));
		try (ConfigurableApplicationContext context = application.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			// every variable reaches the property it is meant for (relaxed binding)
			MigrationsProperties properties = context.getBean(MigrationsProperties.class);
			assertThat(properties.getExecution().name()).isEqualToIgnoringCase(env.get("MIGRATIONS_EXECUTION"));
			assertThat(properties.getOnFailure().name().replace('_', '-'))
				.isEqualToIgnoringCase(env.get("MIGRATIONS_ONFAILURE"));
			assertThat(properties.getStatus().getRefreshInterval())
				.isEqualTo(DurationStyle.detectAndParse(env.get("MIGRATIONS_STATUS_REFRESHINTERVAL")));
			for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
				String path = probePath(container, probe);
				await().atMost(Duration.ofSeconds(30))
					.pollInterval(Duration.ofMillis(200))
					.alias(manifest + " " + probe + " " + path)
					.until(() -> Http.get(port, path).statusCode() == 200);
			}
			assertThat(Http.get(port, "/actuator/migrations").body()).contains("\"state\":\"UP_TO_DATE\"",
					"\"applied\":8");
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> container(String manifest) throws IOException {
		try (InputStream in = Files.newInputStream(Path.of("k8s", manifest))) {
			for (Object document : new Yaml().loadAll(in)) {
				Map<String, Object> map = (Map<String, Object>) document;
				if ("Deployment".equals(map.get("kind"))) {
					Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) map
						.get("spec")).get("template")).get("spec");
					return ((List<Map<String, Object>>) spec.get("containers")).get(0);
				}
			}
		}
		throw new IllegalStateException("No Deployment in " + manifest);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, String> env(Map<String, Object> container) {
		Map<String, String> env = new LinkedHashMap<>();
		for (Map<String, Object> variable : (List<Map<String, Object>>) container.get("env")) {
			if (variable.get("value") != null) {
				env.put((String) variable.get("name"), String.valueOf(variable.get("value")));
			}
		}
		return env;
	}

	@SuppressWarnings("unchecked")
	private static String probePath(Map<String, Object> container, String probe) {
		Map<String, Object> httpGet = (Map<String, Object>) ((Map<String, Object>) container.get(probe)).get("httpGet");
		List<String> ports = new ArrayList<>();
		for (Map<String, Object> port : (List<Map<String, Object>>) container.get("ports")) {
			ports.add((String) port.get("name"));
			assertThat(port.get("containerPort")).isEqualTo(8080);
		}
		assertThat(ports).contains((String) httpGet.get("port"));
		return (String) httpGet.get("path");
	}

}
