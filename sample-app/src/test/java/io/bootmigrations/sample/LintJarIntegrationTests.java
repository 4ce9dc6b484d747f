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
import java.util.List;

import com.jayway.jsonpath.JsonPath;
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
 * The {@code lint} command and the lint on boot, run from the packaged sample jar against
 * a real PostgreSQL database: exit status, text and JSON, suppression, and a boot that
 * refuses risky changesets.
 */
class LintJarIntegrationTests {

	private static final String FIRST_RELEASE = """
			databaseChangeLog:
			  - changeSet:
			      id: 001-account
			      author: alice
			      changes:
			        - createTable:
			            tableName: account
			            columns:
			              - column: { name: id, type: bigint, constraints: { primaryKey: true } }
			              - column: { name: email, type: varchar(200) }
			              - column: { name: legacy_code, type: varchar(20) }
			""";

	private static final String SECOND_RELEASE = FIRST_RELEASE + """
			  - changeSet:
			      id: 002-account-email-index
			      author: bob
			      changes:
			        - createIndex:
			            tableName: account
			            indexName: ix_account_email
			            columns:
			              - column: { name: email }
			  - changeSet:
			      id: 003-drop-legacy-code
			      author: bob
			      comment: "lint:ignore drop-column release 41 stopped reading legacy_code"
			      changes:
			        - dropColumn:
			            tableName: account
			            columnName: legacy_code
			      rollback: []
			""";

	@TempDir
	Path directory;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("jarlint");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void lintExitsWith1OnAnErrorAndShowsSuppressedFindingsWithTheirReason() throws IOException {
		assertExit(run("--migrations.command=upgrade", changeLog(FIRST_RELEASE)), 0);
		String secondRelease = changeLog(SECOND_RELEASE);

		Result text = run("--migrations.command=lint", secondRelease);
		assertExit(text, 1);
		assertThat(text.out()).contains("Linted 2 pending changesets: 1 error(s)", "ERROR [index-not-concurrent]",
				"002-account-email-index::bob", "CREATE INDEX without CONCURRENTLY takes a SHARE lock on account",
				"SUPPRESSED [drop-column]", "Suppressed:  release 41 stopped reading legacy_code");

		Result json = run("--migrations.command=lint", "--migrations.output=json", secondRelease);
		assertExit(json, 1);
		String out = json.out();
		assertThat((Integer) JsonPath.read(out, "$.exitCode")).isEqualTo(1);
		assertThat((Integer) JsonPath.read(out, "$.errors")).isEqualTo(1);
		assertThat((List<String>) JsonPath.read(out, "$.findings[*].rule")).containsExactly("index-not-concurrent",
				"drop-column");
		assertThat((String) JsonPath.read(out, "$.findings[0].changeSet.id")).isEqualTo("002-account-email-index");
		assertThat((Integer) JsonPath.read(out, "$.findings[0].changeSet.line")).isEqualTo(13);
		assertThat((String) JsonPath.read(out, "$.findings[0].alternative")).contains("CREATE INDEX CONCURRENTLY");
		assertThat((String) JsonPath.read(out, "$.findings[1].reason"))
			.isEqualTo("release 41 stopped reading legacy_code");

		// configuration suppresses the rule for every changeset: nothing is left to fail
		Result suppressed = run("--migrations.command=lint", "--migrations.output=json", secondRelease,
				"--migrations.lint.suppress.index-not-concurrent=accounts stay below 10k rows");
		assertExit(suppressed, 0);
		assertThat((Integer) JsonPath.read(suppressed.out(), "$.suppressed")).isEqualTo(2);

		// the whole changelog: account was created by 001, so only the drop is reported
		Result all = run("--migrations.command=lint", "--migrations.target=all", secondRelease);
		assertExit(all, 0);
		assertThat(all.out()).contains("Linted 3 all changesets").doesNotContain("ERROR [");
		assertThat(rows()).containsExactly("001-account");
	}

	@Test
	void lintOfTheSampleOnAFreshDatabaseFindsNoErrorAndAWrongTargetIsAUsageError() {
		Result lint = run("--migrations.command=lint", "--migrations.output=json");
		assertExit(lint, 0);
		assertThat((Integer) JsonPath.read(lint.out(), "$.changeSets")).isEqualTo(8);
		assertThat((Integer) JsonPath.read(lint.out(), "$.errors")).isZero();
		Result wrong = run("--migrations.command=lint", "--migrations.target=head");
		assertExit(wrong, 2);
		assertThat(wrong.err())
			.contains("Invalid lint target 'head': use --migrations.target=pending (the default) or all.");
	}

	@Test
	void bootWithLintFailRefusesRiskyChangeSetsBeforeApplyingAny() throws IOException {
		assertExit(run("--migrations.command=upgrade", changeLog(FIRST_RELEASE)), 0);
		Result boot = run("--server.port=0", "--migrations.lint.on-boot=fail", changeLog(SECOND_RELEASE));
		assertExit(boot, 1);
		assertThat(boot.out() + boot.err()).contains("APPLICATION FAILED TO START")
			.contains("The lint found 1 error(s) in the changesets about to be applied; nothing was applied.")
			.contains("ERROR [index-not-concurrent]");
		assertThat(rows()).containsExactly("001-account");
		assertThat(this.database.jdbc()
			.queryForList("SELECT column_name FROM information_schema.columns WHERE table_name = 'account'",
					String.class))
			.contains("legacy_code");
	}

	private String changeLog(String content) throws IOException {
		// one file for both releases: Liquibase identifies a changeset by its file too
		Path file = this.directory.resolve("changelog.yaml");
		Files.writeString(file, content);
		return "--spring.liquibase.change-log=file:" + file;
	}

	private Result run(String... args) {
		return JarProcess.run(JarProcess.env(this.database), args);
	}

	private List<String> rows() {
		return this.database.jdbc()
			.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class);
	}

}
