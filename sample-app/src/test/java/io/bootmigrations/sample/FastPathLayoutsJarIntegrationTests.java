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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.sample.JarProcess.Result;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast path in every way a Boot application is run: the packaged sample jar is booted
 * twice on one PostgreSQL database per layout, and the second boot must skip Liquibase.
 * Each layout resolves {@code classpath*:} differently (nested jars, {@code loader.path}
 * directories, extracted jars, plain directories), and under Boot's launchers only the
 * launcher's class loader sees the application's resources.
 */
class FastPathLayoutsJarIntegrationTests {

	private static final String SKIPPED = "nothing changed since the last run, Liquibase skipped";

	private static final String MAIN_CLASS = "io.bootmigrations.sample.NotesApplication";

	@TempDir
	Path work;

	@Test
	void fatJar() throws IOException {
		Path classes = this.work.resolve("classes.txt");
		assertSecondBootSkips((args) -> command(List.of("-jar", JarProcess.jar().toString()), args),
				List.of("-Xlog:class+load=info:file=" + classes + ":none"));
		List<String> liquibase = Files.readAllLines(classes)
			.stream()
			.map((line) -> line.substring(0, line.indexOf(' ')))
			.filter((name) -> name.startsWith("liquibase."))
			.toList();
		// Liquibase starts with its Scope (service locator, configuration, logging); on a
		// restart with nothing to apply only types named in signatures may be loaded, and
		// none of them is initialized; the lookups are answered without Liquibase's
		// resources (24 classes loaded when this was written, 30 before)
		assertThat(liquibase).as("Liquibase classes loaded by a restart with nothing to apply")
			.doesNotContain("liquibase.Scope", "liquibase.Liquibase", "liquibase.servicelocator.StandardServiceLocator",
					"liquibase.configuration.LiquibaseConfiguration", "liquibase.changelog.ChangeLogParameters",
					"liquibase.integration.spring.SpringResource", "liquibase.resource.AbstractResource")
			.noneMatch((name) -> name.startsWith("liquibase.parser.") || name.startsWith("liquibase.logging.")
					|| name.startsWith("liquibase.command.") || name.startsWith("liquibase.executor."))
			.hasSizeLessThanOrEqualTo(24);
	}

	@Test
	void loaderPathDirectoryWithChangeLogs() throws IOException {
		Path external = this.work.resolve("external");
		Files.createDirectories(external.resolve("db/external"));
		Files.writeString(external.resolve("db/external/master.yaml"), """
				databaseChangeLog:
				  - include:
				      file: db/changelog/db.changelog-master.yaml
				  - include:
				      file: db/external/extra.yaml
				""");
		Files.writeString(external.resolve("db/external/extra.yaml"), """
				databaseChangeLog:
				  - changeSet:
				      id: ext-1
				      author: operator
				      changes:
				        - createTable:
				            tableName: audit_entry
				            columns:
				              - column:
				                  name: id
				                  type: bigint
				""");
		assertSecondBootSkips((args) -> {
			List<String> arguments = new ArrayList<>(List.of("-cp", JarProcess.jar().toString(),
					"-Dloader.path=" + external, "org.springframework.boot.loader.launch.PropertiesLauncher",
					"--spring.liquibase.change-log=classpath:db/external/master.yaml"));
			arguments.addAll(args);
			return arguments;
		});
	}

	@Test
	void extractedLayout() {
		Path extracted = this.work.resolve("extracted");
		Result extract = JarProcess.java(Map.of(), List.of("-Djarmode=tools", "-jar", JarProcess.jar().toString(),
				"extract", "--destination", extracted.toString()));
		assertThat(extract.exitCode()).as("%s", extract).isZero();
		Path jar = extracted.resolve(JarProcess.jar().getFileName());
		assertThat(jar).isRegularFile();
		assertSecondBootSkips((args) -> command(List.of("-jar", jar.toString()), args));
	}

	@Test
	void explodedJarWithJarLauncher() {
		Path exploded = unzip(this.work.resolve("exploded"));
		assertSecondBootSkips((args) -> command(
				List.of("-cp", exploded.toString(), "org.springframework.boot.loader.launch.JarLauncher"), args));
	}

	@Test
	void explodedClassesAndLibrariesOnAPlainClassPath() {
		// the shape of an IDE or test class path: a classes directory and library jars
		Path exploded = unzip(this.work.resolve("classpath"));
		String classPath = exploded.resolve("BOOT-INF/classes") + java.io.File.pathSeparator
				+ exploded.resolve("BOOT-INF/lib") + java.io.File.separator + "*";
		assertSecondBootSkips((args) -> command(List.of("-cp", classPath, MAIN_CLASS), args));
	}

	private void assertSecondBootSkips(Function<List<String>, List<String>> layout) {
		assertSecondBootSkips(layout, List.of());
	}

	private void assertSecondBootSkips(Function<List<String>, List<String>> layout, List<String> secondBootOptions) {
		try (TestDatabase database = TestDatabaseServer.postgres().create("layout")) {
			Map<String, String> env = JarProcess.env(database);
			List<String> args = List.of("--spring.main.web-application-type=none",
					"--logging.level.io.bootmigrations.engine.fastpath=DEBUG");
			Result first = JarProcess.java(env, layout.apply(args));
			assertThat(first.exitCode()).as("%s", first).isZero();
			assertThat(first.out()).as("%s", first).contains("Started NotesApplication").doesNotContain(SKIPPED);
			assertThat(database.tables()).contains("note", "databasechangelog");
			Result second = JarProcess.java(env, command(secondBootOptions, layout.apply(args)));
			assertThat(second.exitCode()).as("%s", second).isZero();
			assertThat(second.out()).as("%s", second).contains(SKIPPED).doesNotContain("fingerprint differs");
			assertThat(database.jdbc().queryForObject("SELECT inputs FROM bootmigrations_fingerprint", String.class))
				.as("every lookup answered without Liquibase as Liquibase answered it")
				.contains("lookup\t")
				.doesNotContain("lookup-through-accessor");
		}
	}

	private static List<String> command(List<String> launch, List<String> args) {
		List<String> command = new ArrayList<>(launch);
		command.addAll(args);
		return command;
	}

	private static Path unzip(Path target) {
		try (ZipFile zip = new ZipFile(JarProcess.jar().toFile())) {
			Enumeration<? extends ZipEntry> entries = zip.entries();
			while (entries.hasMoreElements()) {
				ZipEntry entry = entries.nextElement();
				Path file = target.resolve(entry.getName()).normalize();
				if (!file.startsWith(target)) {
					throw new IllegalStateException("Entry outside the target: " + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(file);
					continue;
				}
				Files.createDirectories(file.getParent());
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, file);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
