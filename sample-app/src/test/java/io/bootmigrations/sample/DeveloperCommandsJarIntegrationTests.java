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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.sample.JarProcess.Result;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static io.bootmigrations.sample.JarProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The developer's commands ({@code revision}, {@code show}, {@code history --verbose})
 * and out-of-order changesets, run through
 * {@code java -jar boot-migrations-sample-app.jar} against a fresh PostgreSQL database.
 * Run by failsafe after {@code package}.
 */
class DeveloperCommandsJarIntegrationTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("jardev");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void revisionWritesAChangeLogFileThatTheNextUpgradeApplies() throws Exception {
		Path master = this.directory.resolve("master.yaml");
		Files.writeString(master, """
				databaseChangeLog:
				  - changeSet:
				      id: 1
				      author: dev
				      changes:
				        - createTable:
				            tableName: customer
				            columns:
				              - column: { name: id, type: bigint }
				""");
		Path changes = this.directory.resolve("changes");
		Result revision = run("--migrations.command=revision", "--migrations.message=add customer email",
				"--migrations.revision.author=alice", "--migrations.revision.directory=" + changes,
				"--spring.liquibase.change-log=file:" + master);
		assertExit(revision, 0);
		List<Path> written;
		try (var files = Files.list(changes)) {
			written = files.toList();
		}
		assertThat(written).hasSize(1);
		Path file = written.get(0);
		assertThat(file.getFileName().toString()).matches("\\d{14}-add-customer-email\\.yaml");
		assertThat(revision.out()).startsWith(file + "\n");
		assertThat(Files.readString(master)).contains("file: 'changes/" + file.getFileName() + "'");
		assertThat(Files.readString(file)).contains("author: 'alice'");

		Result upgrade = run("--migrations.command=upgrade", "--spring.liquibase.change-log=file:" + master);
		assertExit(upgrade, 0);
		assertThat(this.database.jdbc()
			.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class))
			.containsExactly("1", file.getFileName().toString().replace(".yaml", ""));
	}

	@Test
	void revisionWithoutMessageFailsAndWritesNothing() {
		Path changes = this.directory.resolve("changes");
		Result revision = run("--migrations.command=revision", "--migrations.revision.directory=" + changes);
		assertExit(revision, 2);
		assertThat(revision.err()).contains("needs a message: --migrations.message=");
		assertThat(changes).doesNotExist();
	}

	@Test
	void showAndVerboseHistoryDescribeThePackagedChangeLog() {
		assertExit(run("--migrations.command=upgrade", "--migrations.target=1.0"), 0);
		Result show = run("--migrations.command=show", "--migrations.target=004-welcome-note");
		assertExit(show, 0);
		assertThat(show.out()).contains("Changeset:  db/changelog/001-notes.yaml::004-welcome-note::notes-team")
			.contains("Applied:    yes, at ")
			.contains("INSERT INTO public.note (title, body, pinned, created_at) VALUES ('Welcome'")
			.contains("Rollback SQL:\n  DELETE FROM public.note WHERE title = 'Welcome';");
		Result pending = run("--migrations.command=show", "--migrations.target=006-create-tag",
				"--migrations.output=json");
		assertExit(pending, 0);
		assertThat(pending.out()).contains("\"applied\":false").contains("CREATE TABLE public.tag");
		assertThat(this.database.tables()).doesNotContain("tag");
		Result history = run("--migrations.command=history", "--migrations.verbose=true");
		assertExit(history, 0);
		assertThat(history.out()).contains("005-tag-1.0 by notes-team")
			.containsPattern("exec type EXECUTED, deployment \\d+, order 5")
			.contains(", tag 1.0");
	}

	@Test
	void outOfOrderChangeSetFailsTheStartWithOutOfOrderFailAndIsReportedByStatusAndCheck() throws Exception {
		Path changeLog = this.directory.resolve("branches.yaml");
		Files.writeString(changeLog, changeLog("a", "c"));
		assertExit(run("--migrations.command=upgrade", "--spring.liquibase.change-log=file:" + changeLog), 0);
		Files.writeString(changeLog, changeLog("a", "b", "c"));

		Result status = run("--migrations.command=status", "--spring.liquibase.change-log=file:" + changeLog);
		assertExit(status, 0);
		assertThat(status.out()).contains("  - b by dev (file:" + changeLog + ")  [out of order]");
		Result check = run("--migrations.command=check", "--spring.liquibase.change-log=file:" + changeLog);
		assertExit(check, 1);
		assertThat(check.out()).contains("Out of order (pending, but before applied changesets in the changelog):");

		Result boot = run("--server.port=0", "--migrations.out-of-order=fail",
				"--spring.liquibase.change-log=file:" + changeLog);
		assertExit(boot, 1);
		assertThat(boot.out() + boot.err()).contains("out of order")
			.contains("::b::dev")
			.contains("migrations.out-of-order");
		assertThat(this.database.tables()).contains("t_a", "t_c").doesNotContain("t_b");
	}

	private static String changeLog(String... ids) {
		StringBuilder yaml = new StringBuilder("databaseChangeLog:\n");
		for (String id : ids) {
			yaml.append("  - changeSet:\n      id: ")
				.append(id)
				.append("\n      author: dev\n      changes:\n")
				.append("        - createTable:\n            tableName: t_")
				.append(id)
				.append("\n            columns:\n              - column: { name: id, type: int }\n");
		}
		return yaml.toString();
	}

	private Result run(String... args) {
		return JarProcess.run(JarProcess.env(this.database), args);
	}

}
