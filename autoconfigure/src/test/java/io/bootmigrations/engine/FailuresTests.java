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

import java.sql.SQLException;
import java.util.Map;

import liquibase.change.core.RawSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.exception.MigrationFailedException;
import org.junit.jupiter.api.Test;

import io.bootmigrations.engine.MigrationFailure.Kind;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Failures}: how a failure is classified and what it tells the operator.
 */
class FailuresTests {

	@Test
	void dollarQuotedBodySplitAtSemicolonsGetsAHint() {
		ChangeSet changeSet = changeSet(
				"CREATE FUNCTION answer() RETURNS int AS $$ BEGIN RETURN 42; END $$ " + "LANGUAGE plpgsql");
		SQLException sql = new SQLException("ERROR: unterminated dollar-quoted string at or near \"$$ BEGIN\"",
				"42601");
		MigrationFailure failure = Failures.classify(new MigrationFailedException(changeSet, sql), changeSet,
				"db/changelog.xml");
		assertThat(failure.kind()).isEqualTo(Kind.CHANGESET_FAILED);
		assertThat(failure.action()).contains("splitStatements=\"false\"").contains("endDelimiter");
	}

	@Test
	void otherSqlErrorsGetNoDollarQuoteHint() {
		ChangeSet changeSet = changeSet("INSERT INTO no_such_table VALUES (1)");
		SQLException sql = new SQLException("ERROR: relation \"no_such_table\" does not exist", "42P01");
		MigrationFailure failure = Failures.classify(new MigrationFailedException(changeSet, sql), changeSet,
				"db/changelog.xml");
		assertThat(failure.action()).doesNotContain("splitStatements");
	}

	@Test
	void terminatedSessionIsConnectionLostNamingTheRunningChangeSet() {
		ChangeSet changeSet = changeSet("SELECT pg_sleep(5)");
		SQLException sql = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
		MigrationFailure failure = Failures.connectionLost(sql, changeSet, "db/changelog.xml", true);
		assertThat(failure.kind()).isEqualTo(Kind.CONNECTION_LOST);
		assertThat(failure.changeSet().id()).isEqualTo("1");
		assertThat(failure.message()).contains("57P01").contains("it was not committed");
		assertThat(Failures.connectionLost(sql, null, "db/changelog.xml", true).message())
			.contains("while no changeset was running");
		assertThat(
				Failures.connectionLost(new SQLException("syntax error", "42601"), changeSet, "db/changelog.xml", true))
			.isNull();
	}

	@Test
	void oneTextForEveryReader() {
		MigrationFailure failure = Failures.classify(
				new MigrationFailedException(changeSet("INSERT INTO t VALUES (1)"),
						new SQLException("ERROR: relation \"t\" does not exist\n  Position: 13", "42P01")),
				changeSet("INSERT INTO t VALUES (1)"), "db/changelog.xml");
		assertThat(Failures.kind(failure)).isEqualTo("changeset failed");
		assertThat(Failures.summary(failure))
			.isEqualTo("Changeset db/changelog.xml::1::alice: ERROR: relation \"t\" does not exist\n  Position: 13");
		assertThat(Failures.details(failure)).extracting(Map.Entry::getKey)
			.containsExactly("Changeset", "Author", "File", "Error", "Action");
		assertThat(Failures.lines(failure, "    ", false)).isEqualTo("""
				    Changeset: 1
				    Author:    alice
				    File:      db/changelog.xml
				    Error:     ERROR: relation "t" does not exist
				                 Position: 13
				""");
		assertThat(new MigrationException(failure, null).getMessage())
			.isEqualTo("Migration failed (changeset failed). " + Failures.summary(failure));
	}

	@Test
	void aFailureWithoutChangeSetNamesTheChangeLog() {
		MigrationFailure failure = new MigrationFailure(Kind.REFUSED, null, "db/changelog.xml", "Unknown tag 'x'",
				"Use a tag.");
		assertThat(Failures.summary(failure)).isEqualTo("Changelog db/changelog.xml: Unknown tag 'x'");
		assertThat(Failures.lines(failure, "", true)).isEqualTo("""
				Changelog: db/changelog.xml
				Error:     Unknown tag 'x'
				Action:    Use a tag.
				""");
	}

	@Test
	void resourceFailuresAreWhatSpringsTranslationSaysTheyAre() {
		assertThat(Failures.isResourceFailure(new SQLException("refused", "08001"))).isTrue();
		assertThat(Failures.isResourceFailure(new SQLException("the database system is starting up", "57P03")))
			.isTrue();
		assertThat(Failures.isResourceFailure(new SQLException("too many clients", "53300"))).isTrue();
		assertThat(Failures.isResourceFailure(new java.sql.SQLNonTransientConnectionException("gone"))).isTrue();
		assertThat(Failures.isResourceFailure(new SQLException("syntax error", "42601"))).isFalse();
		assertThat(Failures.isResourceFailure(new SQLException("password authentication failed", "28P01"))).isFalse();
		assertThat(SessionGuard.isUnreachable(new IllegalStateException(new SQLException("refused", "08001"))))
			.isTrue();
		assertThat(SessionGuard.isUnreachable(new SQLException("password authentication failed", "28P01"))).isFalse();
	}

	private static ChangeSet changeSet(String sql) {
		DatabaseChangeLog changeLog = new DatabaseChangeLog("db/changelog.xml");
		ChangeSet changeSet = new ChangeSet("1", "alice", false, false, "db/changelog.xml", null, null, changeLog);
		changeSet.addChange(new RawSQLChange(sql));
		return changeSet;
	}

}
