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

package io.bootmigrations.revision;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.revision.RevisionWriter.Revision;
import io.bootmigrations.testsupport.ChangeLogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RevisionWriter}: each format is written, included and applied (H2),
 * and bad input writes nothing.
 */
class RevisionWriterTests {

	private static final String CHANGELOG = "classpath:db/changelog/master";

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T01:30:05Z"), ZoneOffset.UTC);

	@TempDir
	Path project;

	@Test
	void yamlRevisionIsWrittenBesideTheMasterIncludedAndApplies() throws Exception {
		Path master = master("yaml", """
				databaseChangeLog:
				  - changeSet:
				      id: 1
				      author: dev
				      changes:
				        - createTable:
				            tableName: customer
				            columns:
				              - column: {name: id, type: int}
				""");
		Revision revision = writer().write(CHANGELOG + ".yaml", null, "Add customer email!", "alice");
		assertThat(revision.id()).isEqualTo("20261202013005-add-customer-email");
		assertThat(revision.file()).isEqualTo(master.resolveSibling("20261202013005-add-customer-email.yaml"));
		assertThat(Files.readString(revision.file())).contains("author: 'alice'")
			.contains("comment: 'Add customer email!'")
			.contains("rollback: []");
		assertThat(Files.readString(master)).endsWith("""
				  - include:
				      file: '20261202013005-add-customer-email.yaml'
				      relativeToChangelogFile: true
				""");
		assertThat(appliedAfterMigrating(master)).containsExactly("1", "20261202013005-add-customer-email");
	}

	@Test
	void xmlRevisionInAnotherDirectoryIsIncludedRelativeToTheMasterAndApplies() throws Exception {
		Path master = master("xml", ChangeLogs.xml(""));
		Revision revision = writer().write(CHANGELOG + ".xml", "src/main/resources/db/changes", "add <index> & more",
				"bob");
		assertThat(revision.file().getParent()).isEqualTo(this.project.resolve("src/main/resources/db/changes"));
		assertThat(Files.readString(revision.file())).contains("<comment>add &lt;index&gt; &amp; more</comment>")
			.contains("<rollback>");
		assertThat(Files.readString(master)).contains(
				"<include file=\"../changes/20261202013005-add-index-more.xml\" relativeToChangelogFile=\"true\"/>\n"
						+ "</databaseChangeLog>");
		assertThat(appliedAfterMigrating(master)).containsExactly("20261202013005-add-index-more");
	}

	@Test
	void masterThatIncludesSqlFilesGetsAFormattedSqlRevisionThatApplies() throws Exception {
		Path master = master("xml",
				ChangeLogs.xml("<include file=\"1-customer.sql\" relativeToChangelogFile=\"true\"/>\n"));
		Files.writeString(master.resolveSibling("1-customer.sql"),
				"--liquibase formatted sql\n\n--changeset dev:1\nCREATE TABLE customer (id INT);\n");
		Revision revision = writer().write(CHANGELOG + ".xml", null, "add email", "carol");
		assertThat(revision.file().getFileName()).hasToString("20261202013005-add-email.sql");
		assertThat(Files.readString(revision.file())).contains("--changeset carol:20261202013005-add-email")
			.contains("--rollback");
		assertThat(appliedAfterMigrating(master)).containsExactly("1", "20261202013005-add-email");
	}

	@Test
	void formattedSqlMasterIsRefusedBecauseItCannotIncludeFiles() throws Exception {
		Path master = master("sql", "--liquibase formatted sql\n");
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> writer().write(CHANGELOG + ".sql", null, "x", "dev"))
			.withMessageContaining("Liquibase Pro")
			.withMessageContaining("YAML or XML master");
		assertThat(filesBeside(master)).containsExactly("master.sql");
	}

	@Test
	void masterThatIncludesTheWholeFolderIsLeftAlone() throws Exception {
		String text = """
				databaseChangeLog:
				  - includeAll:
				      path: changes/
				      relativeToChangelogFile: true
				""";
		Path master = master("yaml", text);
		Revision revision = writer().write(CHANGELOG + ".yaml", "src/main/resources/db/changelog/changes", "first",
				"dev");
		assertThat(revision.included()).isFalse();
		assertThat(Files.readString(master)).isEqualTo(text);
		assertThat(appliedAfterMigrating(master)).containsExactly("20261202013005-first");
	}

	@Test
	void missingMessageWritesNothing() throws Exception {
		Path master = master("yaml", "databaseChangeLog: []\n");
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> writer().write(CHANGELOG + ".yaml", null, " ", "dev"))
			.withMessageContaining("needs a message: --migrations.message=");
		assertThat(filesBeside(master)).containsExactly("master.yaml");
	}

	@Test
	void masterInsideAJarIsRefusedWithWhatToDo() {
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> writer().write(CHANGELOG + ".yaml", null, "x", "dev"))
			.withMessageContaining("is not a file under " + this.project.resolve("src/main/resources"))
			.withMessageContaining("cannot be edited")
			.withMessageContaining("file:<path>");
	}

	@Test
	void unwritableDirectoryWritesNothing() throws Exception {
		Path master = master("yaml", "databaseChangeLog: []\n");
		Files.writeString(this.project.resolve("a-file"), "");
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> writer().write(CHANGELOG + ".yaml", "a-file/changes", "x", "dev"))
			.withMessageContaining("Cannot create the revision directory " + this.project.resolve("a-file/changes"))
			.withMessageContaining("--migrations.revision.directory");
		assertThat(Files.readString(master)).isEqualTo("databaseChangeLog: []\n");
	}

	@Test
	void idClashWritesNothing() throws Exception {
		Path master = master("yaml", "databaseChangeLog: []\n");
		writer().write(CHANGELOG + ".yaml", null, "same", "dev");
		String afterFirst = Files.readString(master);
		assertThatExceptionOfType(RevisionException.class)
			.isThrownBy(() -> writer().write(CHANGELOG + ".yaml", null, "same", "dev"))
			.withMessageContaining("A changeset with id 20261202013005-same already exists");
		assertThat(Files.readString(master)).isEqualTo(afterFirst);
		assertThat(filesBeside(master)).containsExactlyInAnyOrder("master.yaml", "20261202013005-same.yaml");
	}

	@Test
	void slugKeepsLettersAndDigitsOnly() {
		assertThat(RevisionWriter.slug("  Add Customer_Email (v2)  ")).isEqualTo("add-customer-email-v2");
		assertThat(RevisionWriter.slug("???")).isEqualTo("revision");
	}

	private RevisionWriter writer() {
		return new RevisionWriter(this.project, CLOCK);
	}

	private Path master(String extension, String text) throws Exception {
		Path master = this.project.resolve("src/main/resources/db/changelog/master." + extension);
		Files.createDirectories(master.getParent());
		Files.writeString(master, text);
		return master;
	}

	private static List<String> filesBeside(Path master) throws Exception {
		try (var files = Files.list(master.getParent())) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private List<String> appliedAfterMigrating(Path master) throws Exception {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Path resources = this.project.resolve("src/main/resources");
		MigrationEngine engine = new MigrationEngine(dataSource,
				MigrationSettings.forChangeLog(resources.relativize(master).toString()).build(),
				new DirectoryResourceAccessor(resources), List.of());
		engine.migrate();
		return engine.status().applied().stream().map(ChangeSetInfo::id).toList();
	}

}
