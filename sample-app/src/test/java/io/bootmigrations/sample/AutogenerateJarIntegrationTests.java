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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.sample.JarProcess.Result;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code revision --migrations.autogenerate=true} and {@code check} against the sample
 * app's JPA entity ({@code Tag}), run through
 * {@code java -jar boot-migrations-sample-app.jar} on a fresh PostgreSQL database, with a
 * copy of the sample's changelog as the master (the one in the jar cannot be edited). Run
 * by failsafe after {@code package}.
 */
class AutogenerateJarIntegrationTests {

	private static final Path CHANGELOG = Path.of("src/main/resources/db/changelog");

	@TempDir
	Path directory;

	private TestDatabase database;

	private Path master;

	@BeforeEach
	void createDatabaseAndCopyTheChangeLog() throws Exception {
		this.database = TestDatabaseServer.postgres().create("jarautogen");
		for (String file : List.of("db.changelog-master.yaml", "001-notes.yaml", "002-tags.yaml")) {
			Files.copy(CHANGELOG.resolve(file), this.directory.resolve(file));
		}
		this.master = this.directory.resolve("db.changelog-master.yaml");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void theSampleEntitiesMatchItsChangeLogSoCheckPassesAndAutogenerateHasNothingToDo() throws Exception {
		String masterBefore = Files.readString(this.master);
		assertExit(run("--migrations.command=upgrade"), 0);
		Result check = run("--migrations.command=check");
		assertExit(check, 0);
		assertThat(check.out()).contains("OK: the JPA entities match the schema the changelog produces.");
		Result revision = run("--migrations.command=revision", "--migrations.autogenerate=true",
				"--migrations.message=nothing new");
		assertExit(revision, 0);
		assertThat(revision.out())
			.startsWith("Nothing to do: the JPA entities match the schema the changelog produces");
		assertThat(files()).hasSize(3);
		assertThat(Files.readString(this.master)).isEqualTo(masterBefore);
	}

	@Test
	void aChangeLogBehindTheEntityFailsCheckAndAutogenerateWritesTheRevisionThatFixesIt() throws Exception {
		Path tags = this.directory.resolve("002-tags.yaml");
		Files.writeString(tags,
				Files.readString(tags)
					.replace("{ name: name, type: varchar(50), constraints: { nullable: false, unique: true } }",
							"{ name: name, type: varchar(40) }"));
		assertExit(run("--migrations.command=upgrade"), 0);
		Result check = run("--migrations.command=check", "--migrations.output=json");
		assertExit(check, 1);
		assertThat(check.out()).contains("\"entityDifferences\":[")
			.contains("unique constraint tag(name): in the entities, not in the migrations")
			.contains("type entities 'varchar(50)', migrations 'varchar(40)'");

		Result revision = run("--migrations.command=revision", "--migrations.autogenerate=true",
				"--migrations.message=tag name as the entity says", "--migrations.revision.author=alice");
		assertExit(revision, 0);
		Path written = files().stream()
			.filter((file) -> file.getFileName().toString().endsWith("-tag-name-as-the-entity-says.yaml"))
			.findFirst()
			.orElseThrow();
		assertThat(revision.out()).startsWith(written + "\n").contains("with 3 changes from the JPA entities");
		assertThat(Files.readString(written)).contains("modifyDataType:", "newDataType: varchar(50)",
				"addNotNullConstraint:", "addUniqueConstraint:", "author: alice");
		assertThat(Files.readString(this.master)).contains(written.getFileName().toString());

		assertExit(run("--migrations.command=upgrade"), 0);
		Result after = run("--migrations.command=check");
		assertExit(after, 0);
		assertThat(after.out()).contains("OK: the JPA entities match");
	}

	private List<Path> files() throws Exception {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.filter((file) -> !file.getFileName().toString().startsWith(".")).sorted().toList();
		}
	}

	private Result run(String... args) {
		String[] all = Stream.concat(Stream.of(args), Stream.of("--spring.liquibase.change-log=file:" + this.master))
			.toArray(String[]::new);
		return JarProcess.run(Map.of("SPRING_DATASOURCE_URL", this.database.jdbcUrl(), "SPRING_DATASOURCE_USERNAME",
				this.database.username(), "SPRING_DATASOURCE_PASSWORD", this.database.password()), all);
	}

	private static void assertExit(Result result, int exitCode) {
		assertThat(result.exitCode()).as(result::toString).isEqualTo(exitCode);
	}

}
