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
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.bootmigrations.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample application's jar as a separate JVM, the way an operator or a
 * Kubernetes Job does, and captures its output and exit status.
 */
final class JarProcess {

	private static final long TIMEOUT_SECONDS = 180;

	private JarProcess() {
	}

	/**
	 * The repackaged sample jar, as built by {@code package}.
	 * @return the jar
	 */
	static Path jar() {
		Path jar = Path.of(System.getProperty("sample.jar", "target/boot-migrations-sample-app.jar"));
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The sample jar " + jar.toAbsolutePath()
					+ " does not exist: run these tests with './mvnw verify' (failsafe runs them after package)");
		}
		return jar;
	}

	/**
	 * The environment that points the jar at a test database, the way a deployment does
	 * ({@code SPRING_DATASOURCE_*}); a mutable map, for tests that add to it.
	 * @param database the database
	 * @return the environment
	 */
	static Map<String, String> env(TestDatabase database) {
		Map<String, String> env = new LinkedHashMap<>();
		env.put("SPRING_DATASOURCE_URL", database.jdbcUrl());
		env.put("SPRING_DATASOURCE_USERNAME", database.username());
		env.put("SPRING_DATASOURCE_PASSWORD", database.password());
		return env;
	}

	/**
	 * Assert a run's exit status, showing its output when it differs.
	 * @param result the run
	 * @param exitCode the expected exit status
	 */
	static void assertExit(Result result, int exitCode) {
		assertThat(result.exitCode()).as(result::toString).isEqualTo(exitCode);
	}

	static Result run(Map<String, String> environment, String... args) {
		List<String> arguments = new ArrayList<>(List.of("-jar", jar().toString()));
		arguments.addAll(List.of(args));
		return java(environment, arguments);
	}

	/**
	 * Run a JVM with the given arguments (class path, launcher, application arguments).
	 * @param environment the environment to add
	 * @param arguments the arguments after {@code java}
	 * @return the result
	 */
	static Result java(Map<String, String> environment, List<String> arguments) {
		try {
			Process process = startJava(environment, arguments);
			CompletableFuture<String> out = read(process.getInputStream());
			CompletableFuture<String> err = read(process.getErrorStream());
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException(
						"The jar did not exit within " + TIMEOUT_SECONDS + " s: " + String.join(" ", arguments));
			}
			return new Result(process.exitValue(), out.join(), err.join());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Start the jar without waiting for it, for tests that stop it midway.
	 * @param environment extra environment variables
	 * @param args the arguments
	 * @return the process, its output not read
	 */
	static Process start(Map<String, String> environment, String... args) {
		List<String> arguments = new ArrayList<>(List.of("-jar", jar().toString()));
		arguments.addAll(List.of(args));
		return startJava(environment, arguments);
	}

	private static Process startJava(Map<String, String> environment, List<String> arguments) {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// a one-shot JVM: C1 only starts much faster and these runs are short
		command.add("-XX:TieredStopAtLevel=1");
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		for (String inherited : List.of("DATABASE_URL", "DB_HOST", "DB_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD",
				"MIGRATIONS_COMMAND", "MIGRATIONS_TARGET", "MIGRATIONS_OUTPUT", "SPRING_DATASOURCE_URL",
				"SPRING_DATASOURCE_USERNAME", "SPRING_DATASOURCE_PASSWORD")) {
			env.remove(inherited);
		}
		env.putAll(environment);
		try {
			return builder.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CompletableFuture<String> read(InputStream stream) {
		// a thread of its own for each stream: the common pool has a single thread on two
		// cores, so a second process's output (or stderr after stdout) would wait there,
		// and a child whose pipe fills would block until the other one exits
		CompletableFuture<String> text = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (stream) {
				text.complete(new String(stream.readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				text.completeExceptionally(new UncheckedIOException(ex));
			}
		}, "jar-process-output");
		reader.setDaemon(true);
		reader.start();
		return text;
	}

	record Result(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.out + "\n--- stderr\n" + this.err;
		}

	}

}
