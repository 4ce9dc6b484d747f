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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link ReplicaApplication} running in a JVM of its own, its output in a file.
 */
final class ReplicaProcess {

	private static final Pattern READY = Pattern.compile("READY applied=(-?\\d+) recorded=(\\d+)");

	private final Process process;

	private final Path output;

	private ReplicaProcess(Process process, Path output) {
		this.process = process;
		this.output = output;
	}

	static ReplicaProcess start(Path directory, String name, List<String> arguments) {
		List<String> command = new ArrayList<>(
				List.of(ReplicaApplication.class.getName(), "--spring.main.banner-mode=off",
						"--spring.datasource.hikari.maximum-pool-size=2", "--spring.application.name=" + name));
		command.addAll(arguments);
		return launch(directory, name, command);
	}

	/**
	 * Start another main class of the test classpath in a JVM of its own.
	 * @param directory where the output goes
	 * @param name the process's name
	 * @param mainClass the main class
	 * @param arguments its arguments
	 * @return the process
	 */
	static ReplicaProcess start(Path directory, String name, Class<?> mainClass, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(mainClass.getName()));
		command.addAll(arguments);
		return launch(directory, name, command);
	}

	private static ReplicaProcess launch(Path directory, String name, List<String> mainAndArguments) {
		try {
			Path output = directory.resolve(name + ".log");
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Xmx256m", "-XX:+UseSerialGC", "-cp",
					System.getProperty("java.class.path")));
			command.addAll(mainAndArguments);
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			return new ReplicaProcess(process, output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Wait for the process to exit.
	 * @param timeout the longest to wait; the process is killed after it
	 * @return the exit code
	 */
	int waitFor(Duration timeout) {
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly().waitFor();
				throw new AssertionError("Process did not end within " + timeout + ":\n" + output());
			}
			return this.process.exitValue();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Kill the process with SIGKILL, as the kernel's OOM killer or {@code kill -9} would.
	 */
	void kill() {
		try {
			this.process.destroyForcibly().waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Ask the process to stop with SIGTERM, as Kubernetes does before it kills a pod. */
	void terminate() {
		this.process.destroy();
	}

	boolean isAlive() {
		return this.process.isAlive();
	}

	String output() {
		try {
			return Files.readString(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * How many changesets this replica applied itself, from its {@code READY} line.
	 * @return the number
	 */
	int applied() {
		Matcher matcher = READY.matcher(output());
		if (!matcher.find()) {
			throw new AssertionError("Not ready:\n" + output());
		}
		return Integer.parseInt(matcher.group(1));
	}

}
