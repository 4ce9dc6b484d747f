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

package io.bootmigrations.testsupport;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * A real application with a web server on a random port, on a test database, and real
 * HTTP calls to it.
 */
public final class RunningApp implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private final int port;

	private RunningApp(ConfigurableApplicationContext context) {
		this.context = context;
		this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	/**
	 * Start an application on the database, exposing health, migrations and metrics.
	 * @param database the database
	 * @param properties more properties, {@code key=value}, overriding the defaults
	 * @return the running application
	 */
	public static RunningApp start(TestDatabase database, String... properties) {
		return start(App.class, database, properties);
	}

	public static RunningApp start(Class<?> app, TestDatabase database, String... properties) {
		Map<String, String> all = new LinkedHashMap<>();
		put(all, database.properties());
		put(all, "server.port=0", "server.address=127.0.0.1",
				"management.endpoints.web.exposure.include=health,migrations,metrics",
				"management.endpoint.health.show-details=always", "spring.jmx.enabled=false");
		put(all, properties);
		List<String> args = new ArrayList<>();
		all.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new RunningApp(new SpringApplication(app).run(args.toArray(String[]::new)));
	}

	private static void put(Map<String, String> map, String... properties) {
		for (String property : properties) {
			int equals = property.indexOf('=');
			map.put(property.substring(0, equals), property.substring(equals + 1));
		}
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET().build());
	}

	public HttpResponse<String> post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build());
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE().build());
	}

	/**
	 * GET a path that must answer 200, and read its JSON.
	 * @param path the path
	 * @return the parsed document, for {@link JsonPath} reads
	 */
	public Json json(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return new Json(response.body());
	}

	public int status(String path) {
		return get(path).statusCode();
	}

	/**
	 * The application's context.
	 * @return the context
	 */
	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/**
	 * The port the web server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(10));
	}

	private static HttpResponse<String> send(HttpRequest request) {
		return Http.send(request);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * A JSON response.
	 *
	 * @param body the raw body
	 */
	public record Json(String body) {

		/**
		 * Read a JSON path.
		 * @param <T> the expected type
		 * @param path the path
		 * @return the value
		 */
		public <T> T read(String path) {
			return JsonPath.read(this.body, path);
		}

	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	public static class App {

	}

}
