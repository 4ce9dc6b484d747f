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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@code show}, {@code history --migrations.verbose=true} and the
 * out-of-order report of {@code status} and {@code check} on PostgreSQL, with
 * {@code db/commands/changelog.xml}.
 */
class DeveloperCommandsIntegrationTests {

	private static final String CHANGELOG = "db/commands/changelog.xml";

	@TempDir
	Path directory;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("devcommands");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void showOfAPendingChangeSetPrintsItsSqlAndRollbackSqlWithoutRunningAnything() {
		MigrationEngine engine = engine(CHANGELOG);
		engine.upgrade(RevisionTarget.tag("1.0"));
		CommandResult result = run(engine, "show", "4-book", "text", DeveloperOptions.NONE);
		assertThat(result.exitCode).isZero();
		assertThat(result.text).contains("Changeset:  db/commands/changelog.xml::4-book::bob")
			.contains("Labels:     none\nContexts:   none\nApplied:    no (pending)")
			.containsPattern("Checksum:   9:[0-9a-f]{32}")
			.containsPattern("(?s)SQL:\n  CREATE TABLE public.book .*;\nRollback SQL:\n  DROP TABLE public.book;");
		assertThat(this.database.tables()).doesNotContain("book");
		assertThat(rowCount()).isEqualTo(3);
	}

	@Test
	void showFindsAChangeSetByTagAndByFileIdAuthorAndReportsWhenItWasApplied() {
		MigrationEngine engine = engine(CHANGELOG);
		engine.upgrade(RevisionTarget.HEAD);
		CommandResult byTag = run(engine, "show", "1.0", "json", DeveloperOptions.NONE);
		assertThat(byTag.json).containsEntry("id", "3-tag-1.0")
			.containsEntry("applied", true)
			.containsEntry("tag", "1.0");
		assertThat((String) byTag.json.get("executedAt")).isNotNull();
		assertThat(byTag.json.get("checksum")).isEqualTo(byTag.json.get("storedChecksum"));
		CommandResult byKey = run(engine, "show", "db/commands/changelog.xml::1-author::alice", "text",
				DeveloperOptions.NONE);
		assertThat(byKey.text).contains("Applied:    yes, at ").contains("CREATE TABLE public.author");
	}

	@Test
	void showOfAChangeSetWithoutRollbackSaysWhy() {
		CommandResult result = run(engine(CHANGELOG), "show", "2-seed", "json", DeveloperOptions.NONE);
		assertThat(result.json.get("sql")).isEqualTo(List.of("INSERT INTO author (id, name) VALUES (1, 'Ada');"));
		assertThat(result.json.get("rollbackSql")).isEqualTo(List.of());
		assertThat((String) result.json.get("rollbackProblem")).contains("'sql' has no automatic rollback");
	}

	@Test
	void showOfAnUnknownTargetFailsNamingIt() {
		CommandResult result = run(engine(CHANGELOG), "show", "9-nope", "text", DeveloperOptions.NONE);
		assertThat(result.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(result.text).contains("No changeset matches --migrations.target=9-nope")
			.contains("file::id::author");
	}

	@Test
	void showWithoutTargetIsAUsageError() {
		CommandResult result = run(engine(CHANGELOG), "show", null, "text", DeveloperOptions.NONE);
		assertThat(result.exitCode).isEqualTo(MigrationCommandRunner.ERROR);
		assertThat(result.text).contains("needs a changeset: --migrations.target=<id | tag | file::id::author>");
	}

	@Test
	void verboseHistoryShowsDeploymentExecTypeContextsLabelsAndChecksum() throws Exception {
		Path changeLog = this.directory.resolve("changelog.xml");
		Files.writeString(changeLog, ChangeLogs
			.xml("""
					<changeSet id="1" author="dev" context="prod" labels="v1"><createTable tableName="t1"><column name="id" type="int"/></createTable></changeSet>
					<changeSet id="2" author="dev"><tagDatabase tag="r1"/></changeSet>
					"""));
		MigrationEngine engine = engine(changeLog.toUri().toString());
		engine.migrate();
		assertThat(run(engine, "show", "1", "text", DeveloperOptions.NONE).text)
			.contains("Labels:     v1\nContexts:   prod\n");
		CommandResult text = run(engine, "history", null, "text", new DeveloperOptions(null, true, false, null, null));
		assertThat(text.text).containsPattern("exec type EXECUTED, deployment \\d{10}, order 1")
			.contains("contexts prod, labels v1, checksum 9:")
			.contains(", tag r1");
		CommandResult json = run(engine, "history", null, "json", new DeveloperOptions(null, true, false, null, null));
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> history = (List<Map<String, Object>>) json.json.get("history");
		assertThat(history).extracting((entry) -> entry.get("id")).containsExactly("2", "1");
		assertThat(history.get(1)).containsEntry("execType", "EXECUTED")
			.containsEntry("contexts", "prod")
			.containsEntry("labels", "v1")
			.containsKey("deploymentId");
	}

	@Test
	void statusAndCheckNameOutOfOrderChangeSets() throws Exception {
		Path changeLog = this.directory.resolve("changelog.xml");
		Files.writeString(changeLog, ChangeLogs.xml(changeSet("a") + changeSet("c")));
		MigrationEngine engine = engine(changeLog.toUri().toString());
		engine.migrate();
		Files.writeString(changeLog, ChangeLogs.xml(changeSet("a") + changeSet("b") + changeSet("c")));
		engine = engine(changeLog.toUri().toString());
		CommandResult status = run(engine, "status", null, "text", DeveloperOptions.NONE);
		assertThat(status.text).containsPattern("b by dev \\(.*changelog.xml\\)  \\[out of order\\]")
			.contains("Out of order: 1 pending before applied ones");
		CommandResult check = run(engine, "check", null, "json", DeveloperOptions.NONE);
		assertThat(check.exitCode).isEqualTo(MigrationCommandRunner.CHECK_FAILED);
		// the count of the status document, as at /actuator/migrations, and the list
		// beside it
		assertThat(check.json.get("outOfOrder")).isEqualTo(1);
		assertThat(check.json.get("outOfOrderChangeSets").toString()).contains("id=b");
		assertThat(run(engine, "check", null, "text", DeveloperOptions.NONE).text).containsPattern(
				"Out of order \\(pending, but before applied changesets in the changelog\\):\n  - b by dev");
	}

	private static String changeSet(String id) {
		return "<changeSet id=\"" + id + "\" author=\"dev\"><createTable tableName=\"t_" + id
				+ "\"><column name=\"id\" type=\"int\"/></createTable></changeSet>\n";
	}

	private int rowCount() {
		return this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class);
	}

	private MigrationEngine engine(String changeLog) {
		return new MigrationEngine(this.database.dataSource(), MigrationSettings.forChangeLog(changeLog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
	}

	static CommandResult run(MigrationEngine engine, String command, String target, String output,
			DeveloperOptions options) {
		return new MigrationCommandRunner(engine, command, target, output, new GenericApplicationContext(), System.out,
				System.err, (status) -> {
				})
			.withOptions(options)
			.execute();
	}

}
