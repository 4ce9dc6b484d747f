package io.bootmigrations.engine;

import java.sql.SQLException;

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
		ChangeSet changeSet = changeSet("CREATE FUNCTION answer() RETURNS int AS $$ BEGIN RETURN 42; END $$ "
				+ "LANGUAGE plpgsql");
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
		assertThat(Failures.connectionLost(new SQLException("syntax error", "42601"), changeSet, "db/changelog.xml",
				true)).isNull();
	}

	private static ChangeSet changeSet(String sql) {
		DatabaseChangeLog changeLog = new DatabaseChangeLog("db/changelog.xml");
		ChangeSet changeSet = new ChangeSet("1", "alice", false, false, "db/changelog.xml", null, null, changeLog);
		changeSet.addChange(new RawSQLChange(sql));
		return changeSet;
	}

}
