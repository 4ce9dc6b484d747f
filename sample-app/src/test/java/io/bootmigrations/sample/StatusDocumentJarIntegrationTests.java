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
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.json.JsonParserFactory;

import io.bootmigrations.sample.JarProcess.Result;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static io.bootmigrations.sample.JarProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line's {@code --migrations.output=json} and
 * {@code GET /actuator/migrations} print one status document: the same field names at
 * every level, checked on a real command run of the jar and the same jar serving HTTP.
 */
class StatusDocumentJarIntegrationTests {

	/** What only the command line adds around the document. */
	private static final Set<String> COMMAND_ONLY = Set.of("command", "exitCode", "changeSets", "durationMs",
			"pendingChangeSets", "unexpectedChangeSets", "outOfOrderChangeSets");

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("jardoc");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void commandLineJsonAndEndpointShareTheirFieldNames() throws Exception {
		Result upgrade = JarProcess.run(JarProcess.env(this.database), "--migrations.command=upgrade",
				"--migrations.target=1.0", "--migrations.output=json");
		assertExit(upgrade, 0);
		Map<String, Object> ran = JsonParserFactory.getJsonParser().parseMap(upgrade.out());
		assertThat(ran).containsEntry("command", "upgrade")
			.containsEntry("applied", 5)
			.containsEntry("pending", 3)
			.containsEntry("tag", "1.0")
			.containsEntry("target", "default");
		Result status = JarProcess.run(JarProcess.env(this.database), "--migrations.command=status",
				"--migrations.output=json");
		assertExit(status, 0);
		Map<String, Object> command = JsonParserFactory.getJsonParser().parseMap(status.out());
		assertThat(command.get("pendingChangeSets").toString()).contains("006-create-tag");

		Map<String, Object> endpoint = endpointDocument();
		assertThat(endpoint).containsEntry("state", "UP_TO_DATE").containsEntry("tag", "1.1");
		Set<String> documentFields = new TreeSet<>(endpoint.keySet());
		assertThat(documentFields).contains("lastApplied", "lastRun", "lock", "database", "warnings", "tag");
		for (Map<String, Object> printed : java.util.List.of(ran, command)) {
			Set<String> fields = new TreeSet<>(printed.keySet());
			fields.removeAll(COMMAND_ONLY);
			assertThat(fields).isEqualTo(documentFields);
		}
		assertSameNames("", endpoint, ran);
		assertSameNames("", endpoint, command);
	}

	@SuppressWarnings("unchecked")
	private static void assertSameNames(String path, Map<String, Object> endpoint, Map<String, Object> command) {
		for (Map.Entry<String, Object> field : endpoint.entrySet()) {
			Object other = command.get(field.getKey());
			if (field.getValue() instanceof Map<?, ?> nested && other instanceof Map<?, ?> otherNested) {
				assertThat(new TreeSet<>(otherNested.keySet())).as(path + field.getKey())
					.isEqualTo(new TreeSet<>(nested.keySet()));
				assertSameNames(path + field.getKey() + ".", (Map<String, Object>) nested,
						(Map<String, Object>) otherNested);
			}
		}
	}

	private static void drain(Process process) {
		try (var out = process.getInputStream(); var err = process.getErrorStream()) {
			out.transferTo(java.io.OutputStream.nullOutputStream());
			err.transferTo(java.io.OutputStream.nullOutputStream());
		}
		catch (IOException ex) {
			// the process ended
		}
	}

	private Map<String, Object> endpointDocument() throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process app = JarProcess.start(JarProcess.env(this.database), "--server.port=" + port);
		Thread drainer = new Thread(() -> drain(app), "drain-app-output");
		drainer.setDaemon(true);
		drainer.start();
		try {
			HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
			HttpRequest request = HttpRequest
				.newBuilder(URI.create("http://localhost:" + port + "/actuator/migrations"))
				.build();
			long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
			while (true) {
				try {
					HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
					if (response.statusCode() == 200) {
						return JsonParserFactory.getJsonParser().parseMap(response.body());
					}
				}
				catch (IOException ex) {
					// not listening yet
				}
				assertThat(app.isAlive()).as("the application exited with %s", app.isAlive() ? 0 : app.exitValue())
					.isTrue();
				assertThat(System.nanoTime()).as("the application did not answer within 180 s").isLessThan(deadline);
				Thread.sleep(250);
			}
		}
		finally {
			app.destroy();
			app.onExit().join();
		}
	}

}
