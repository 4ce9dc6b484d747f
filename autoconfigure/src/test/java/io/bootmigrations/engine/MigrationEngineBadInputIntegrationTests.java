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
import java.util.UUID;
import java.util.function.Consumer;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Bad input gets an error that says what is wrong, where, and what to do, and leaves the
 * database unchanged (or consistent: every changeset before the failing one applied,
 * nothing of the failing one). On a real PostgreSQL database.
 */
class MigrationEngineBadInputIntegrationTests {

	private TestDatabase database;

	@TempDir
	Path directory;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("badinput");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void malformedXmlNamesTheFileAndLineAndAppliesNothing() {
		assertFailure("db/bad/malformed.xml", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.file()).isEqualTo("db/bad/malformed.xml");
			assertThat(failure.message()).contains("line 9")
				.contains("'changeSet'")
				.doesNotContain("http://www.liquibase.org");
			assertThat(failure.action()).startsWith("Fix db/bad/malformed.xml at the line named above");
		});
		assertUnchanged();
	}

	@Test
	void classpathPrefixedChangelogIsNamedWholeInParseErrors() {
		assertFailure("classpath:/db/bad/malformed.xml", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.file()).isNotEqualTo("classpath").contains("db/bad/malformed.xml");
			assertThat(failure.action()).doesNotStartWith("Fix classpath ");
		});
		assertUnchanged();
	}

	@Test
	void missingClasspathChangelogIsNotFound() {
		assertFailure("classpath:/db/bad/no-such-changelog.xml", Kind.CHANGELOG_NOT_FOUND,
				(failure) -> assertThat(failure.message()).contains("no-such-changelog.xml"));
		assertUnchanged();
	}

	@Test
	void circularIncludeNamesTheCircleAndAppliesNothing() {
		assertFailure("db/bad/circular-a.xml", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.message()).startsWith("Circular include: ")
				.contains("db/bad/circular-a.xml -> db/bad/circular-b.xml -> db/bad/circular-a.xml");
			assertThat(failure.action()).contains("Nothing was applied");
		});
		assertUnchanged();
	}

	@Test
	void malformedYamlNamesTheFileAndLineAndAppliesNothing() {
		assertFailure("db/bad/malformed.yaml", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.file()).isEqualTo("db/bad/malformed.yaml");
			assertThat(failure.message()).contains("Syntax error").contains("line 6");
			assertThat(failure.action()).contains("Nothing was applied");
		});
		assertUnchanged();
	}

	@Test
	void malformedFormattedSqlNamesTheFileAndLineAndAppliesNothing() {
		assertFailure("db/bad/malformed.sql", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.file()).isEqualTo("db/bad/malformed.sql");
			assertThat(failure.message()).contains("at line 6").contains("--changeset <authorname>:<changesetId>");
		});
		assertUnchanged();
	}

	@Test
	void missingChangelogNamesThePropertyAndAppliesNothing() {
		assertFailure("db/bad/no-such-changelog.xml", Kind.CHANGELOG_NOT_FOUND, (failure) -> {
			assertThat(failure.message()).isEqualTo("The changelog db/bad/no-such-changelog.xml does not exist.");
			assertThat(failure.action()).contains("spring.liquibase.change-log")
				.contains("src/main/resources/db/bad/no-such-changelog.xml");
		});
		assertUnchanged();
	}

	@Test
	void missingIncludeNamesTheIncludedFileAndTheIncludingChangelogAndAppliesNothing() {
		assertFailure("db/bad/missing-include.xml", Kind.CHANGELOG_NOT_FOUND, (failure) -> {
			assertThat(failure.message()).contains("db/bad/no-such-file.xml")
				.contains("included by db/bad/missing-include.xml")
				.doesNotContain("SetupException");
			assertThat(failure.action()).contains("include's file attribute");
		});
		assertUnchanged();
	}

	@Test
	void unknownChangeTypeNamesItAndItsLineAndAppliesNothing() {
		assertFailure("db/bad/unknown-change.xml", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.file()).isEqualTo("db/bad/unknown-change.xml");
			assertThat(failure.message()).contains("line 9")
				.contains("'createTabel'")
				.contains("check its spelling")
				.hasSizeLessThan(300);
		});
		assertUnchanged();
	}

	@Test
	void unknownAttributeNamesItAndItsLineAndAppliesNothing() {
		assertFailure("db/bad/unknown-attribute.xml", Kind.CHANGELOG_INVALID, (failure) -> {
			assertThat(failure.file()).isEqualTo("db/bad/unknown-attribute.xml");
			assertThat(failure.message()).contains("line 6").contains("Attribute 'colour'").contains("'createTable'");
		});
		assertUnchanged();
	}

	@Test
	void duplicateChangeSetIdentifiersAreNamedAndNothingIsApplied() {
		assertFailure("db/bad/duplicate.xml", Kind.VALIDATION_FAILED, (failure) -> {
			assertThat(failure.file()).isEqualTo("db/bad/duplicate.xml");
			assertThat(failure.message()).contains("same identifier").contains("db/bad/duplicate.xml::1::alice");
			assertThat(failure.action()).contains("Give each changeset its own id");
		});
		// Liquibase validates after creating its (empty) history table: nothing is
		// applied.
		assertThat(this.database.tables()).containsExactly("databasechangelog");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isZero();
	}

	@Test
	void checksumMismatchShowsStoredAndCurrentChecksumAndTheOptions() throws Exception {
		Path changelog = this.directory.resolve("edited.xml");
		Files.writeString(changelog,
				changelog("<createTable tableName=\"customer\"><column name=\"id\" type=\"bigint\"/></createTable>"));
		String location = changelog.toUri().toString();
		engine(location).migrate();
		Files.writeString(changelog,
				changelog("<createTable tableName=\"customer\"><column name=\"id\" type=\"int\"/></createTable>"));
		assertFailure(location, Kind.VALIDATION_FAILED, (failure) -> {
			assertThat(failure.message()).contains("stored vs current checksum")
				.contains("::1::alice")
				.containsPattern("was: \\d+:[0-9a-f]+ but is now: \\d+:[0-9a-f]+");
			assertThat(failure.action()).contains("revert the edit")
				.contains("<validCheckSum>")
				.contains("spring.liquibase.clear-checksums=true");
		});
		assertThat(
				this.database.jdbc()
					.queryForObject("SELECT data_type FROM information_schema.columns "
							+ "WHERE table_name = 'customer' AND column_name = 'id'", String.class))
			.isEqualTo("bigint");
	}

	@Test
	void sqlErrorNamesTheChangeSetAndKeepsEverythingBeforeIt() {
		assertFailure("db/engine/failing.xml", Kind.CHANGESET_FAILED, (failure) -> {
			assertThat(failure.changeSet().identifier()).isEqualTo("db/engine/failing.xml::broken-invoice::bob");
			assertThat(failure.message()).contains("relation \"no_such_table\" does not exist");
			assertThat(failure.action()).contains("Fix the changeset");
		});
		assertThat(this.database.tables()).contains("orders").doesNotContain("invoice", "shipment");
		assertThat(this.database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class))
			.containsExactly("create-orders");
	}

	@Test
	void preconditionThatHaltsNamesTheChangeSetAndItsMessage() {
		assertFailure("db/bad/precondition.xml", Kind.PRECONDITION_FAILED, (failure) -> {
			assertThat(failure.changeSet().identifier()).isEqualTo("db/bad/precondition.xml::needs-legacy::bob");
			assertThat(failure.message()).contains("The legacy_orders table must exist before it is migrated");
			assertThat(failure.action()).contains("onFail");
		});
		assertThat(this.database.tables()).contains("customer").doesNotContain("after_precondition");
		assertThat(this.database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class))
			.containsExactly("1");
	}

	@Test
	void userWithoutCreatePrivilegeGetsTheGrantToAskForAndNothingIsApplied() {
		String role = "bm_reader_" + UUID.randomUUID().toString().substring(0, 8);
		this.database.execute("CREATE ROLE " + role + " LOGIN");
		// PostgreSQL before 15 lets everyone create in public; this test's own database
		// takes the 15+ default so the test means the same on every server version
		this.database.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
		try {
			MigrationEngine engine = new MigrationEngine(new DriverManagerDataSource(this.database.jdbcUrl(), role, ""),
					MigrationSettings.forChangeLog("db/bad/privileges.xml").build(),
					new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
			assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate).satisfies((ex) -> {
				MigrationFailure failure = ex.getFailure();
				assertThat(failure.kind()).isEqualTo(Kind.PERMISSION_DENIED);
				assertThat(failure.message()).contains("permission denied for schema public");
				assertThat(failure.action()).contains("GRANT CREATE ON SCHEMA").contains("spring.liquibase.user");
			});
			assertUnchanged();
		}
		finally {
			this.database.execute("DROP OWNED BY " + role);
			this.database.execute("DROP ROLE " + role);
		}
	}

	private void assertFailure(String changelog, Kind kind, Consumer<MigrationFailure> checks) {
		MigrationEngine engine = engine(changelog);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate).satisfies((ex) -> {
			assertThat(ex.getFailure().kind()).isEqualTo(kind);
			checks.accept(ex.getFailure());
		});
		assertThat(engine.status().state()).isEqualTo(MigrationState.FAILED);
	}

	private void assertUnchanged() {
		assertThat(this.database.tables()).isEmpty();
	}

	private MigrationEngine engine(String changelog) {
		return new MigrationEngine(this.database.dataSource(), MigrationSettings.forChangeLog(changelog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
	}

	private static String changelog(String change) {
		return ChangeLogs.xml("\t<changeSet id=\"1\" author=\"alice\">" + change + "</changeSet>\n");
	}

}
