package io.bootmigrations.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.sample.JarProcess.Result;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed migration stops the real application process: exit status 1 and one report
 * naming the changeset, its file and the database's error, with the changesets before it
 * applied and nothing of it.
 */
class NotesApplicationStartupFailureJarIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("sample_failure");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void failingChangeSetExitsWithStatusOneAndOneReport(@TempDir Path dir) throws IOException {
		Path changeLog = dir.resolve("orders.yaml");
		Files.writeString(changeLog, """
				databaseChangeLog:
				  - changeSet:
				      id: create-orders
				      author: alice
				      changes:
				        - createTable:
				            tableName: orders
				            columns:
				              - column: { name: id, type: bigint }
				  - changeSet:
				      id: broken-invoice
				      author: bob
				      changes:
				        - createTable:
				            tableName: invoice
				            columns:
				              - column: { name: id, type: bigint }
				        - sql:
				            sql: INSERT INTO no_such_table (id) VALUES (1)
				""");
		Result result = JarProcess.run(
				JarProcess.env(this.database),
				"--server.port=0", "--spring.liquibase.change-log=file:" + changeLog);
		assertThat(result.exitCode()).as(result::toString).isEqualTo(1);
		String output = result.out() + result.err();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The database migration failed (changeset failed)")
			.contains("Changeset: broken-invoice")
			.contains("Author:    bob")
			.contains("relation \"no_such_table\" does not exist");
		assertThat(this.database.tables()).contains("orders").doesNotContain("invoice");
		assertThat(this.database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class))
			.containsExactly("create-orders");
	}

}
