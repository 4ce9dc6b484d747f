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

import java.time.Instant;
import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for the operator commands of {@link MigrationEngine} on a real
 * PostgreSQL database, with {@code db/commands/changelog.xml}.
 */
class MigrationCommandsIntegrationTests {

	private static final String CHANGELOG = "db/commands/changelog.xml";

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("commands");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void upgradeToTagThenByCountThenToHeadAppliesExactlyThoseChangeSets() {
		MigrationEngine engine = engine(this.database);
		RunReport toTag = engine.upgrade(RevisionTarget.tag("1.0"));
		assertThat(toTag.applied()).isEqualTo(3);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0");
		assertThat(tags(this.database)).containsExactly("1.0");
		assertThat(userTables(this.database)).containsExactly("author");
		assertThat(engine.status().pending()).extracting(ChangeSetInfo::id)
			.containsExactly("4-book", "5-book-index", "6-tag-2.0");

		RunReport byCount = engine.upgrade(RevisionTarget.parse("+2", RevisionTarget.Direction.UPGRADE));
		assertThat(byCount.applied()).isEqualTo(2);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0", "4-book", "5-book-index");
		assertThat(indexes(this.database)).contains("idx_book_author");

		engine.upgrade(RevisionTarget.HEAD);
		assertThat(rows(this.database)).hasSize(6);
		assertThat(tags(this.database)).containsExactly("1.0", "2.0");
		assertThat(engine.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
	}

	@Test
	void downgradeByCountThenToTagRollsBackExactlyThoseChangeSets() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.HEAD);
		RunReport byCount = engine.downgrade(RevisionTarget.parse("-2", RevisionTarget.Direction.DOWNGRADE));
		assertThat(byCount.operation()).isEqualTo("downgrade");
		assertThat(byCount.applied()).isEqualTo(2);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0", "4-book");
		assertThat(indexes(this.database)).doesNotContain("idx_book_author");
		assertThat(userTables(this.database)).containsExactlyInAnyOrder("author", "book");

		// unlike Liquibase's rollback <tag>: the changeset that recorded 1.0 stays, 1.0
		// is current
		String sql = engine.downgradeSql(RevisionTarget.tag("1.0"));
		assertThat(sql).contains("DROP TABLE public.book").doesNotContain("3-tag-1.0");
		RunReport toTag = engine.downgrade(RevisionTarget.tag("1.0"));
		assertThat(toTag.applied()).isEqualTo(1);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0");
		assertThat(tags(this.database)).containsExactly("1.0");
		assertThat(userTables(this.database)).containsExactly("author");
		assertThat(engine.status().pending()).extracting(ChangeSetInfo::id)
			.containsExactly("4-book", "5-book-index", "6-tag-2.0");
		assertThat(engine.downgrade(RevisionTarget.tag("1.0")).applied()).as("already at 1.0").isZero();
		engine.upgrade(RevisionTarget.tag("1.0"));
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0");
	}

	@Test
	void upgradeByCountCountsMarkedRanChangeSetsApart() {
		MigrationEngine engine = engine(this.database, "db/commands/mark-ran.xml");
		RunReport report = engine.upgrade(RevisionTarget.parse("+3", RevisionTarget.Direction.UPGRADE));
		assertThat(report.applied()).isEqualTo(2);
		assertThat(report.markedRan()).isEqualTo(1);
		assertThat(rows(this.database)).containsExactly("1-author", "2-only-if-missing", "3-book");
	}

	@Test
	void downgradeToDateRollsBackWhatWasAppliedAfterIt() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.tag("1.0"));
		Instant tagged = engine.history().get(0).executedAt();
		engine.upgrade(RevisionTarget.HEAD);
		RunReport report = engine.downgrade(RevisionTarget.parse("date:" + tagged, RevisionTarget.Direction.DOWNGRADE));
		assertThat(report.applied()).isEqualTo(3);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0");
	}

	@Test
	void downgradeToBaseRollsBackEverythingWhenEveryChangeSetHasARollback() {
		TestDatabase other = TestDatabaseServer.postgres().create("commandsbase");
		try {
			MigrationEngine engine = engine(other, "db/commands/reversible.xml");
			engine.upgrade(RevisionTarget.HEAD);
			assertThat(rows(other)).hasSize(3);
			RunReport report = engine.downgrade(RevisionTarget.BASE);
			assertThat(report.applied()).isEqualTo(3);
			assertThat(rows(other)).isEmpty();
			assertThat(userTables(other)).isEmpty();
		}
		finally {
			other.close();
		}
	}

	@Test
	void downgradeAcrossAChangeSetWithoutRollbackIsRefusedBeforeAnythingIsRolledBack() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.HEAD);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.downgrade(RevisionTarget.BASE))
			.satisfies((ex) -> {
				assertThat(ex.getFailure().kind()).isEqualTo(Kind.REFUSED);
				assertThat(ex.getFailure().changeSet().id()).isEqualTo("2-seed");
				assertThat(ex.getFailure().message()).contains("cannot be rolled back", "Nothing was rolled back");
				assertThat(ex.getFailure().action()).contains("rollback");
			});
		assertThat(rows(this.database)).hasSize(6);
		assertThat(userTables(this.database)).containsExactlyInAnyOrder("author", "book");
		assertThat(indexes(this.database)).contains("idx_book_author");
		assertThat(engine.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> engine.downgradeSql(RevisionTarget.count(5)))
			.withMessageContaining("2-seed");
	}

	@Test
	void unknownTagIsRefusedAndNamesTheKnownTags() {
		MigrationEngine engine = engine(this.database);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.upgrade(RevisionTarget.tag("9.9")))
			.satisfies((ex) -> {
				assertThat(ex.getFailure().kind()).isEqualTo(Kind.REFUSED);
				assertThat(ex.getFailure().message()).contains("Unknown tag '9.9'");
				assertThat(ex.getFailure().action()).contains("1.0, 2.0");
			});
		assertThat(userTables(this.database)).isEmpty();
		engine.upgrade(RevisionTarget.HEAD);
		assertThatExceptionOfType(MigrationException.class)
			.isThrownBy(() -> engine.downgrade(RevisionTarget.tag("9.9")))
			.withMessageContaining("Unknown tag '9.9'");
		assertThat(rows(this.database)).hasSize(6);
	}

	@Test
	void countsBeyondWhatExistsAreRefused() {
		MigrationEngine engine = engine(this.database);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.upgrade(RevisionTarget.count(7)))
			.withMessageContaining("6 changesets are pending");
		engine.upgrade(RevisionTarget.count(1));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.downgrade(RevisionTarget.count(2)))
			.withMessageContaining("only 1 changeset is applied");
		assertThat(rows(this.database)).containsExactly("1-author");
	}

	@Test
	void upgradeSqlIsWhatUpgradeThenDoes() {
		MigrationEngine engine = engine(this.database);
		String sql = engine.upgradeSql(RevisionTarget.tag("1.0"));
		assertThat(userTables(this.database)).isEmpty();
		assertThat(rows(this.database)).isEmpty();
		TestDatabase replay = TestDatabaseServer.postgres().create("commandssql");
		try {
			replay.execute(sql);
			engine.upgrade(RevisionTarget.tag("1.0"));
			assertThat(userTables(replay)).isEqualTo(userTables(this.database)).containsExactly("author");
			assertThat(rows(replay)).isEqualTo(rows(this.database));
			assertThat(tags(replay)).isEqualTo(tags(this.database)).containsExactly("1.0");
			assertThat(replay.jdbc().queryForList("SELECT name FROM author", String.class)).containsExactly("Ada");
		}
		finally {
			replay.close();
		}
	}

	@Test
	void downgradeSqlIsWhatDowngradeWouldDo() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.HEAD);
		String sql = engine.downgradeSql(RevisionTarget.tag("1.0"));
		assertThat(sql).containsIgnoringCase("DROP INDEX")
			.containsIgnoringCase("DROP TABLE")
			.containsIgnoringCase("DELETE FROM");
		assertThat(rows(this.database)).hasSize(6);
		this.database.execute(sql);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0");
		assertThat(userTables(this.database)).containsExactly("author");
	}

	@Test
	void baselineRecordsChangeSetsWithoutRunningThem() {
		this.database.execute("CREATE TABLE author (id bigint PRIMARY KEY, name varchar(100))");
		MigrationEngine engine = engine(this.database);
		RunReport report = engine.baseline(RevisionTarget.tag("1.0"));
		assertThat(report.applied()).isEqualTo(3);
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0");
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM author", Integer.class)).isZero();
		engine.upgrade(RevisionTarget.HEAD);
		assertThat(userTables(this.database)).containsExactlyInAnyOrder("author", "book");
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.baseline(RevisionTarget.count(1)))
			.withMessageContaining("baseline");
	}

	@Test
	void tagMarksTheLastAppliedChangeSetAndCanBeDowngradedTo() {
		MigrationEngine engine = engine(this.database);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(() -> engine.tag("release-1"))
			.withMessageContaining("no changeset is applied");
		engine.upgrade(RevisionTarget.count(4));
		engine.tag("release-1");
		assertThat(engine.history().get(0).tag()).isEqualTo("release-1");
		engine.upgrade(RevisionTarget.HEAD);
		engine.downgrade(RevisionTarget.tag("release-1"));
		assertThat(rows(this.database)).containsExactly("1-author", "2-seed", "3-tag-1.0", "4-book");
	}

	@Test
	void validateReportsPendingUnexpectedAndChecksumMismatches() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.tag("1.0"));
		ValidationResult pending = engine.validate();
		assertThat(pending.isClean()).isFalse();
		assertThat(pending.pending()).hasSize(3);
		assertThat(pending.toFailure().message()).contains("3 pending changesets");

		engine.upgrade(RevisionTarget.HEAD);
		assertThat(engine.validate().isClean()).isTrue();
		assertThat(engine.validate().toFailure()).isNull();

		this.database.execute(
				"UPDATE databasechangelog SET md5sum = '9:0123456789abcdef0123456789abcdef' " + "WHERE id = '4-book'");
		ValidationResult edited = engine.validate();
		assertThat(edited.checksumMismatches()).singleElement().asString().contains("4-book");
		assertThat(edited.isClean()).isFalse();

		this.database.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, "
				+ "exectype) VALUES ('99-later', 'carol', 'db/commands/changelog.xml', now(), 99, 'EXECUTED')");
		ValidationResult ahead = engine.validate();
		assertThat(ahead.unexpected()).extracting(ChangeSetInfo::id).containsExactly("99-later");
	}

	@Test
	void clearChecksumsAndReleaseLocksRepairTheLiquibaseTables() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.HEAD);
		engine.clearChecksums();
		assertThat(this.database.jdbc()
			.queryForObject("SELECT count(*) FROM databasechangelog WHERE md5sum IS NOT NULL", Integer.class)).isZero();
		// a lock row left by an older setup that used Liquibase's table lock
		this.database.execute(
				"CREATE TABLE databasechangeloglock (id int PRIMARY KEY, locked boolean NOT NULL, "
						+ "lockgranted timestamp, lockedby varchar(255))",
				"INSERT INTO databasechangeloglock VALUES (1, true, now(), 'killed-pod')");
		engine.releaseLocks();
		assertThat(this.database.jdbc().queryForObject("SELECT locked FROM databasechangeloglock", Boolean.class))
			.isFalse();
		assertThat(engine.validate().isClean()).isTrue();
	}

	@Test
	void historyIsNewestFirst() {
		MigrationEngine engine = engine(this.database);
		engine.upgrade(RevisionTarget.HEAD);
		List<ChangeSetInfo> history = engine.history();
		assertThat(history).extracting(ChangeSetInfo::id)
			.containsExactly("6-tag-2.0", "5-book-index", "4-book", "3-tag-1.0", "2-seed", "1-author");
		assertThat(history.get(0).tag()).isEqualTo("2.0");
	}

	private static MigrationEngine engine(TestDatabase database) {
		return engine(database, CHANGELOG);
	}

	private static MigrationEngine engine(TestDatabase database, String changeLog) {
		return new MigrationEngine(database.dataSource(), MigrationSettings.forChangeLog(changeLog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
	}

	private static List<String> rows(TestDatabase database) {
		if (!database.tables().contains("databasechangelog")) {
			return List.of();
		}
		return database.jdbc().queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class);
	}

	private static List<String> tags(TestDatabase database) {
		return database.jdbc()
			.queryForList("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted",
					String.class);
	}

	private static List<String> userTables(TestDatabase database) {
		return database.tables().stream().filter((table) -> !table.startsWith("databasechangelog")).sorted().toList();
	}

	private static List<String> indexes(TestDatabase database) {
		return database.jdbc()
			.queryForList("SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()", String.class);
	}

}
