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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Every operator command, run as {@code java -jar boot-migrations-sample-app.jar
 * --migrations.command=...} against a fresh PostgreSQL database: exit status, output, and
 * the exact schema and {@code DATABASECHANGELOG} rows afterwards. Run by failsafe after
 * {@code package}.
 */
class MigrationCommandsJarIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("jar");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void statusCheckAndHistoryOnAFreshDatabaseChangeNothing() {
		Result status = command("status");
		assertExit(status, 0);
		assertThat(status.out()).contains("Current:    nothing applied (base)", "Pending:    8",
				"  - 001-create-note by notes-team (db/changelog/001-notes.yaml)");
		assertExit(command("check"), 1);
		Result history = command("history");
		assertExit(history, 0);
		assertThat(history.out()).contains("No changeset is applied.");
		assertThat(this.database.tables()).doesNotContain("note", "databasechangelog");
	}

	@Test
	void upgradeToTagAndByCountThenDowngradeByCountToTagAndBase() {
		Result toTag = command("upgrade", "--migrations.target=1.0");
		assertExit(toTag, 0);
		assertThat(toTag.out()).contains("Upgraded to 1.0: applied 5 changesets", "tag 1.0; 3 pending.");
		assertThat(rows()).containsExactly("001-create-note", "002-note-pinned", "003-note-created-index",
				"004-welcome-note", "005-tag-1.0");
		assertThat(userTables()).containsExactly("note");

		assertExit(command("upgrade", "--migrations.target=+2"), 0);
		assertThat(rows()).hasSize(7).endsWith("006-create-tag", "007-create-note-tag");
		assertThat(userTables()).containsExactly("note", "note_tag", "tag");
		assertExit(command("check"), 1);

		Result head = command("upgrade");
		assertExit(head, 0);
		assertThat(head.out()).contains("Upgraded to head: applied 1 changeset", "tag 1.1; 0 pending.");
		assertExit(command("check"), 0);
		Result history = command("history", "--migrations.output=json");
		assertExit(history, 0);
		assertThat(history.out())
			.startsWith("{\"command\":\"history\",\"exitCode\":0,\"history\":[{\"id\":\"008-tag-1.1\"")
			.contains("\"tag\":\"1.1\"");

		Result back = command("downgrade", "--migrations.target=-2");
		assertExit(back, 0);
		assertThat(back.out()).contains("Downgraded to -2: rolled back 2 changesets");
		assertThat(rows()).hasSize(6).endsWith("006-create-tag");
		assertThat(userTables()).containsExactly("note", "tag");

		// unlike Liquibase's rollback <tag>: the changeset that recorded 1.0 stays, 1.0
		// is current
		Result toTagSql = command("downgrade-sql", "--migrations.target=1.0");
		assertExit(toTagSql, 0);
		assertThat(toTagSql.out()).contains("DROP TABLE public.tag", "006-create-tag").doesNotContain("005-tag-1.0");
		assertExit(command("downgrade", "--migrations.target=1.0"), 0);
		assertThat(rows()).containsExactly("001-create-note", "002-note-pinned", "003-note-created-index",
				"004-welcome-note", "005-tag-1.0");
		assertThat(userTables()).containsExactly("note");
		assertThat(this.database.jdbc().queryForList("SELECT title FROM note", String.class))
			.containsExactly("Welcome");
		Result atTag = command("status");
		assertExit(atTag, 0);
		assertThat(atTag.out()).contains("Current:    005-tag-1.0", "Tag:        1.0", "Pending:    3");
		Result again = command("downgrade", "--migrations.target=1.0");
		assertExit(again, 0);
		assertThat(again.out()).contains("rolled back 0 changesets");
		assertThat(rows()).hasSize(5);

		assertExit(command("downgrade", "--migrations.target=base"), 0);
		assertThat(rows()).isEmpty();
		assertThat(userTables()).isEmpty();
	}

	@Test
	void withoutTheDefaultTargetTheCommandsRunOnTheOtherTargets() {
		// a command creates no tenant schema: they exist, as after a first boot
		this.database.execute("CREATE SCHEMA t_a", "CREATE SCHEMA t_b");
		String disabled = "--spring.liquibase.enabled=false";
		String changeLog = "--migrations.targets.notes.change-log=classpath:db/changelog/db.changelog-master.yaml";
		String schemas = "--migrations.targets.notes.schemas=t_a,t_b";
		Result upgrade = command("upgrade", disabled, changeLog, schemas, "--migrations.only=notes:t_a");
		assertExit(upgrade, 0);
		assertThat(upgrade.out()).contains("== notes:t_a ==", "Upgraded to head: applied 8 changesets")
			.doesNotContain("== default ==", "notes:t_b");
		Result check = command("check", disabled, changeLog, schemas);
		assertExit(check, 1);
		assertThat(check.out()).contains("== notes:t_a ==", "== notes:t_b ==").doesNotContain("== default ==");
		Result drift = command("drift", disabled, changeLog, schemas);
		assertExit(drift, 2);
		assertThat(drift.err()).contains("spring.liquibase.enabled=false removed");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM t_a.databasechangelog", Integer.class))
			.isEqualTo(8);
		assertThat(userTables()).isEmpty();
	}

	@Test
	void upgradeSqlPrintsWhatUpgradeThenDoesAndDowngradeSqlChangesNothing() {
		Result sql = command("upgrade-sql", "--migrations.target=1.1");
		assertExit(sql, 0);
		assertThat(sql.out()).contains("CREATE TABLE public.note", "INSERT INTO public.databasechangelog");
		assertThat(userTables()).isEmpty();
		TestDatabase replay = TestDatabaseServer.postgres().create("jarsql");
		try {
			replay.execute(sql.out());
			assertExit(command("upgrade", "--migrations.target=1.1"), 0);
			assertThat(tables(replay)).isEqualTo(userTables()).containsExactly("note", "note_tag", "tag");
			assertThat(rows(replay)).isEqualTo(rows()).hasSize(8);
		}
		finally {
			replay.close();
		}
		Result downgradeSql = command("downgrade-sql", "--migrations.target=-2");
		assertExit(downgradeSql, 0);
		assertThat(downgradeSql.out()).contains("DROP TABLE public.note_tag", "DELETE FROM public.databasechangelog");
		assertThat(rows()).hasSize(8);
		assertThat(userTables()).contains("note_tag");
	}

	@Test
	void downgradeOverAChangeSetWithoutRollbackFailsBeforeChangingAnything() {
		String changeLog = "--spring.liquibase.change-log=file:"
				+ Path.of("target/test-classes/db/no-rollback.yaml").toAbsolutePath();
		assertExit(command("upgrade", changeLog), 0);
		assertThat(userTables()).containsExactly("author", "book");
		Result refused = command("downgrade", changeLog, "--migrations.target=base");
		assertExit(refused, 2);
		assertThat(refused.err()).contains("ERROR: downgrade failed (refused)", "Changeset:  002-seed",
				"Author:     tests", "cannot be rolled back", "Nothing was rolled back", "Action:");
		assertThat(rows()).containsExactly("001-author", "002-seed", "003-book");
		assertThat(userTables()).containsExactly("author", "book");
	}

	@Test
	void unknownTagUnknownCommandAndWrongOptionsExitWith2() {
		Result unknownTag = command("upgrade", "--migrations.target=9.9");
		assertExit(unknownTag, 2);
		assertThat(unknownTag.err()).contains("Unknown tag '9.9'", "known: 1.0, 1.1");
		assertThat(userTables()).isEmpty();
		Result unknownCommand = command("migrate-everything");
		assertExit(unknownCommand, 2);
		assertThat(unknownCommand.err()).contains("Unknown command 'migrate-everything'", "Usage: java -jar app.jar",
				"downgrade-sql");
		Result wrongOption = command("status", "--migrations.target=1.0");
		assertExit(wrongOption, 2);
		assertThat(wrongOption.err()).contains("The status command takes no --migrations.target");
		Result json = command("downgrade", "--migrations.output=json");
		assertExit(json, 2);
		assertThat(json.out()).contains("\"kind\":\"USAGE\"", "A downgrade needs a target");
	}

	@Test
	void baselineTagValidateAndRepairCommands() {
		this.database.execute("CREATE TABLE note (id bigint PRIMARY KEY)");
		Result baseline = run(JarProcess.env(this.database), "--migrations.command=baseline",
				"--migrations.target=1.0");
		assertExit(baseline, 0);
		assertThat(baseline.out()).contains("recorded 5 changesets as applied without running them");
		assertThat(rows()).hasSize(5);
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM note", Integer.class)).isZero();

		assertExit(command("tag", "--migrations.target=before-1.1"), 0);
		assertThat(this.database.jdbc()
			.queryForObject("SELECT tag FROM databasechangelog WHERE id = '005-tag-1.0'", String.class))
			.isEqualTo("before-1.1");
		assertExit(command("tag"), 2);

		assertExit(command("validate"), 0);
		this.database.execute("UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef' "
				+ "WHERE id = '002-note-pinned'");
		Result mismatch = command("validate");
		assertExit(mismatch, 1);
		assertThat(mismatch.out()).contains("002-note-pinned");

		Result cleared = command("clear-checksums");
		assertExit(cleared, 0);
		assertThat(cleared.out()).startsWith("WARNING: this is a repair tool.");
		assertExit(command("validate"), 0);

		// a lock row left by an older setup that used Liquibase's table lock (this one
		// uses the
		// database's own lock and never creates the table)
		this.database.execute(
				"CREATE TABLE databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL, "
						+ "lockgranted timestamp, lockedby varchar(255))",
				"INSERT INTO databasechangeloglock VALUES (1, true, now(), 'killed-pod')");
		Result released = command("release-locks", "--migrations.output=json");
		assertExit(released, 0);
		assertThat(released.out()).contains("\"warning\":\"WARNING: this is a repair tool.");
		assertThat(this.database.jdbc().queryForObject("SELECT locked FROM databasechangeloglock", Boolean.class))
			.isFalse();
	}

	@Test
	void commandNameFromTheEnvironmentAndDatabaseFromDatabaseUrl() {
		// a local server with trust authentication accepts any password: the output must
		// still not show it
		String password = this.database.password().isEmpty() ? "Sup3rS3cret" : this.database.password();
		Map<String, String> env = new LinkedHashMap<>();
		env.put("MIGRATIONS_COMMAND", "upgrade");
		env.put("DATABASE_URL", "postgres://" + this.database.username() + ":" + password + "@" + hostAndPort() + "/"
				+ this.database.name() + "?sslmode=disable");
		Result upgrade = run(env);
		assertExit(upgrade, 0);
		assertThat(upgrade.out()).contains("applied 8 changesets");
		assertThat(rows()).hasSize(8);
		env.put("MIGRATIONS_COMMAND", "status");
		env.put("MIGRATIONS_OUTPUT", "json");
		Result status = run(env);
		assertExit(status, 0);
		assertThat(status.out()).contains("\"url\":\"jdbc:postgresql://" + hostAndPort() + "/" + this.database.name())
			.contains("\"applied\":8");
		assertThat(upgrade.out() + upgrade.err() + status.out() + status.err()).doesNotContain(password);

		env.put("DATABASE_URL", "postgres://app:Sup3rS3cret@" + hostAndPort());
		Result malformed = run(env);
		assertExit(malformed, 2);
		assertThat(malformed.out() + malformed.err())
			.contains("The environment variable DATABASE_URL names no database")
			.doesNotContain("Sup3rS3cret");
	}

	@Test
	void stdoutHoldsOnlyTheResultWhileLiquibaseWarningsGoToStderrWithoutStackTraces(@TempDir Path external)
			throws IOException {
		// a changelog as third-party apps ship them: a precondition that only warns
		Files.createDirectories(external.resolve("db/warn"));
		Files.writeString(external.resolve("db/warn/master.xml"),
				"""
						<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
								xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
								xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
							<include file="db/changelog/db.changelog-master.yaml"/>
							<changeSet id="warn-1" author="vendor">
								<preConditions onFail="WARN" onFailMessage="legacy table missing">
									<tableExists tableName="legacy_table"/>
								</preConditions>
								<sql>SELECT 1</sql>
							</changeSet>
						</databaseChangeLog>
						""");
		Result upgrade = JarProcess.java(JarProcess.env(this.database),
				List.of("-cp", JarProcess.jar().toString(), "-Dloader.path=" + external,
						"org.springframework.boot.loader.launch.PropertiesLauncher", "--migrations.command=upgrade",
						"--spring.liquibase.change-log=classpath:db/warn/master.xml"));
		assertExit(upgrade, 0);
		assertThat(upgrade.out()).startsWith("Upgraded to head: applied 9 changesets")
			.doesNotContain("WARN", "legacy", "\tat ");
		assertThat(upgrade.out().lines()).hasSize(2);
		assertThat(upgrade.err()).contains("legacy table missing").doesNotContain("\tat ");
	}

	private Result command(String name, String... options) {
		String[] args = new String[options.length + 1];
		args[0] = "--migrations.command=" + name;
		System.arraycopy(options, 0, args, 1, options.length);
		return run(JarProcess.env(this.database), args);
	}

	private Result run(Map<String, String> env, String... args) {
		return JarProcess.run(env, args);
	}

	private String hostAndPort() {
		String url = this.database.jdbcUrl();
		String afterScheme = url.substring(url.indexOf("//") + 2);
		return afterScheme.substring(0, afterScheme.indexOf('/'));
	}

	private List<String> rows() {
		return rows(this.database);
	}

	private List<String> userTables() {
		return tables(this.database);
	}

	private static List<String> rows(TestDatabase database) {
		if (!database.tables().contains("databasechangelog")) {
			return List.of();
		}
		return database.jdbc().queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class);
	}

	private static List<String> tables(TestDatabase database) {
		return database.tables().stream().filter((table) -> !table.startsWith("databasechangelog")).sorted().toList();
	}

}
