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

package io.bootmigrations.engine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * On PostgreSQL a changeset and its {@code DATABASECHANGELOG} row commit together: when
 * the row cannot be written (or deleted), the changeset's changes are rolled back with
 * it. A trigger on the history table makes the row's write fail after the DDL ran.
 */
class MigrationEngineAtomicityIntegrationTests {

	private TestDatabase database;

	@TempDir
	Path directory;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("atomic");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void changeSetIsRolledBackWhenItsHistoryRowCannotBeInserted() throws Exception {
		String one = changeSet("1", "CREATE TABLE t_one (id int)", "DROP TABLE t_one");
		engine(one).migrate();
		failOnHistory("INSERT", "2");
		String two = one + changeSet("2", "CREATE TABLE t_two (id int)", "DROP TABLE t_two");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine(two).migrate());
		assertThat(this.database.tables()).contains("t_one").doesNotContain("t_two");
		assertThat(ids()).containsExactly("1");
	}

	@Test
	void rollbackIsUndoneWhenItsHistoryRowCannotBeDeleted() throws Exception {
		String both = changeSet("1", "CREATE TABLE t_one (id int)", "DROP TABLE t_one")
				+ changeSet("2", "CREATE TABLE t_two (id int)", "DROP TABLE t_two");
		MigrationEngine engine = engine(both);
		engine.migrate();
		failOnHistory("DELETE", "2");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.downgrade(RevisionTarget.count(1)));
		assertThat(this.database.tables()).contains("t_one", "t_two");
		assertThat(ids()).containsExactly("1", "2");
	}

	@Test
	void changeSetWithoutTransactionKeepsLiquibaseOrder() throws Exception {
		String one = changeSet("1", "CREATE TABLE t_one (id int)", "DROP TABLE t_one");
		engine(one).migrate();
		failOnHistory("INSERT", "2");
		String two = one + changeSet("2", "CREATE TABLE t_two (id int)", "DROP TABLE t_two").replace("<changeSet ",
				"<changeSet runInTransaction=\"false\" ");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine(two).migrate());
		assertThat(this.database.tables()).contains("t_one", "t_two");
	}

	@Test
	void tooLongIdIsRefusedBeforeAnythingRuns() throws Exception {
		String longId = "x".repeat(300);
		String changelog = changeSet("1", "CREATE TABLE t_one (id int)", "DROP TABLE t_one")
				+ changeSet(longId, "CREATE TABLE t_two (id int)", "DROP TABLE t_two");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine(changelog).migrate())
			.satisfies((ex) -> {
				MigrationFailure failure = ex.getFailure();
				assertThat(failure.kind()).isEqualTo(Kind.VALIDATION_FAILED);
				assertThat(failure.message()).contains("changeset id of 300 characters")
					.contains("longer than the 255");
				assertThat(failure.action()).contains("nothing was applied");
			});
		assertThat(this.database.tables()).doesNotContain("t_one", "t_two");
	}

	private void failOnHistory(String operation, String id) {
		String row = operation.equals("DELETE") ? "OLD" : "NEW";
		this.database.execute("CREATE FUNCTION refuse_history() RETURNS trigger AS $$ BEGIN IF " + row + ".id = '" + id
				+ "' THEN RAISE EXCEPTION 'history refused'; END IF; RETURN " + row + "; END $$ LANGUAGE plpgsql",
				"CREATE TRIGGER refuse_history BEFORE " + operation
						+ " ON databasechangelog FOR EACH ROW EXECUTE FUNCTION refuse_history()");
	}

	private List<String> ids() {
		return this.database.jdbc()
			.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class);
	}

	private MigrationEngine engine(String changeSets) throws Exception {
		Path file = this.directory.resolve("changelog.xml");
		Files.writeString(file, ChangeLogs.xml(changeSets));
		return new MigrationEngine(this.database.dataSource(),
				MigrationSettings.forChangeLog(file.toUri().toString()).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
	}

	private static String changeSet(String id, String sql, String rollback) {
		return "\t<changeSet id=\"" + id + "\" author=\"alice\"><sql>" + sql + "</sql><rollback><sql>" + rollback
				+ "</sql></rollback></changeSet>\n";
	}

}
