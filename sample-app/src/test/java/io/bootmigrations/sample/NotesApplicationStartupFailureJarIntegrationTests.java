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
		Result result = JarProcess.run(JarProcess.env(this.database), "--server.port=0",
				"--spring.liquibase.change-log=file:" + changeLog);
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
