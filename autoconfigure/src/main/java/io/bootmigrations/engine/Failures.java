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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import liquibase.change.AbstractSQLChange;
import liquibase.changelog.ChangeSet;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.LockException;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationFailedException;
import liquibase.precondition.FailedPrecondition;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.lock.LockTimeoutException;

/**
 * Turns what Liquibase and the driver throw into a {@link MigrationFailure}: what failed,
 * where, and what to do; and turns a failure into text, the one way for every reader (the
 * exception's message, the failure analyzer, the logs, the command line, health).
 */
public final class Failures {

	private static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();

	private Failures() {
	}

	/**
	 * The kind of a failure as words: {@code changeset failed}, {@code refused}, ...
	 * @param failure the failure
	 * @return the kind
	 */
	public static String kind(MigrationFailure failure) {
		return failure.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
	}

	/**
	 * A failure in one line: where (the changeset, else the changelog) and the error, for
	 * a log line, an exception message or a health detail.
	 * @param failure the failure
	 * @return {@code Changeset <file::id::author>: <error>}, {@code Changelog <file>:
	 * <error>} or the error alone
	 */
	public static String summary(MigrationFailure failure) {
		ChangeSetInfo changeSet = failure.changeSet();
		String where = (changeSet != null) ? "Changeset " + changeSet.identifier()
				: (failure.file() != null) ? "Changelog " + failure.file() : null;
		return (where != null) ? where + ": " + failure.message() : failure.message();
	}

	/**
	 * A failure as labelled lines, for the failure analyzer and the command line: the
	 * changeset ({@code Changeset}, {@code Author}, {@code File}) or the
	 * {@code Changelog}, then {@code Error}, then {@code Action}.
	 * @param failure the failure
	 * @return the labels and values, in order
	 */
	public static List<Map.Entry<String, String>> details(MigrationFailure failure) {
		List<Map.Entry<String, String>> details = new ArrayList<>();
		ChangeSetInfo changeSet = failure.changeSet();
		if (changeSet != null) {
			details.add(Map.entry("Changeset", changeSet.id()));
			details.add(Map.entry("Author", changeSet.author()));
			details.add(Map.entry("File", changeSet.file()));
		}
		else if (failure.file() != null) {
			details.add(Map.entry("Changelog", failure.file()));
		}
		details.add(Map.entry("Error", failure.message()));
		details.add(Map.entry("Action", failure.action()));
		return details;
	}

	/**
	 * Render {@link #details(MigrationFailure)} as aligned lines, continuation lines
	 * indented under the value.
	 * @param failure the failure
	 * @param indent what each line starts with
	 * @param withAction whether to end with the action
	 * @return the lines, each ending in a newline
	 */
	public static String lines(MigrationFailure failure, String indent, boolean withAction) {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, String> detail : details(failure)) {
			if (withAction || !detail.getKey().equals("Action")) {
				String label = String.format(Locale.ROOT, "%-11s", detail.getKey() + ":");
				text.append(indent)
					.append(label)
					.append(detail.getValue().replace("\n", "\n" + " ".repeat(indent.length() + label.length())))
					.append('\n');
			}
		}
		return text.toString();
	}

	static MigrationException toException(Throwable ex, @Nullable ChangeSet failedChangeSet, String changeLog) {
		if (ex instanceof MigrationException migrationException) {
			return migrationException;
		}
		IncludeTrail.CircularIncludeException circular = find(ex, IncludeTrail.CircularIncludeException.class);
		if (circular != null) {
			return circularInclude(circular.circle(), null);
		}
		if (ex instanceof Error error) {
			return new MigrationException(failure(Kind.OTHER, failedChangeSet, changeLog,
					error.getClass().getSimpleName() + ((error.getMessage() != null) ? ": " + error.getMessage() : ""),
					((error instanceof OutOfMemoryError)
							? "The JVM ran out of memory while migrating (a very large changelog or data file?): "
									+ "raise the heap (-Xmx) or split the changelog. "
							: "The JVM failed while migrating. ")
							+ "Changesets before the failure stay applied; on PostgreSQL nothing of the failing "
							+ "one was recorded or kept."),
					trimmed(error));
		}
		return new MigrationException(classify(ex, failedChangeSet, changeLog), ex);
	}

	/**
	 * A run stopped by shutdown (SIGTERM): how far it got.
	 * @param tracker the run's tracker, or {@code null} if it had not started
	 */
	static MigrationException stopped(@Nullable ProgressTracker tracker, String changeLog) {
		Thread.interrupted();
		String message;
		if (tracker == null || !tracker.started()) {
			message = "Stopped by shutdown before migrating (while waiting for the database or the migration lock)";
		}
		else {
			ChangeSetInfo next = tracker.stoppedBefore();
			message = "Stopped by shutdown after " + tracker.applied() + " of " + tracker.total() + " changesets"
					+ ((next != null) ? "; next pending: " + next.identifier() : "");
		}
		return new MigrationException(new MigrationFailure(Kind.STOPPED, null, changeLog, message,
				"The application is shutting down. Every changeset applied so far is committed with its record "
						+ "and the lock is released; the next start continues from here."),
				null);
	}

	/**
	 * A parse that recursed until the stack overflowed: almost always changelogs that
	 * include each other.
	 */
	static MigrationException stackOverflow(StackOverflowError ex, @Nullable ChangeSet failedChangeSet,
			String changeLog, @Nullable String circle) {
		if (circle == null) {
			return toException(ex, failedChangeSet, changeLog);
		}
		return circularInclude(circle, trimmed(ex));
	}

	private static MigrationException circularInclude(String circle, @Nullable Throwable cause) {
		String first = circle.substring(0, circle.indexOf(" -> "));
		return new MigrationException(new MigrationFailure(Kind.CHANGELOG_INVALID, null, first,
				"Circular include: " + circle + " (the files include each other, so parsing never ends)",
				"Remove the include that closes the circle. Nothing was applied."), cause);
	}

	/** An Error's stack can be thousands of frames deep: keep the top. */
	private static Error trimmed(Error error) {
		StackTraceElement[] trace = error.getStackTrace();
		if (trace.length > 20) {
			error.setStackTrace(java.util.Arrays.copyOf(trace, 20));
		}
		return error;
	}

	static MigrationFailure classify(Throwable ex, @Nullable ChangeSet failedChangeSet, String changeLog) {
		ValidationFailedException validation = find(ex, ValidationFailedException.class);
		if (validation != null) {
			return ChangeLogFailures.validation(validation, changeLog);
		}
		PreconditionFailedException precondition = find(ex, PreconditionFailedException.class);
		if (precondition != null) {
			return failure(Kind.PRECONDITION_FAILED, failedChangeSet, changeLog, preconditionMessage(precondition),
					"The changelog's precondition stopped the migration (onFail=HALT). Make the database meet "
							+ "the precondition, or change the precondition's onFail to CONTINUE or MARK_RAN "
							+ "if skipping the changeset is intended.");
		}
		PreconditionErrorException preconditionError = find(ex, PreconditionErrorException.class);
		if (preconditionError != null) {
			return failure(Kind.PRECONDITION_FAILED, failedChangeSet, changeLog, preconditionError.getMessage(),
					"A precondition could not be evaluated. Fix the precondition's SQL or check.");
		}
		SQLException denied = find(ex, SQLException.class);
		if (denied != null && isPermissionDenied(denied)) {
			return failure(Kind.PERMISSION_DENIED, failedChangeSet, changeLog, denied.getMessage(),
					"The database user lacks a privilege the migration needs (creating Liquibase's tables or the "
							+ "changeset's objects). Grant it, for example GRANT CREATE ON SCHEMA <schema> TO <user> "
							+ "on PostgreSQL, or migrate as the schema's owner with spring.liquibase.user and "
							+ "spring.liquibase.password while the application keeps its restricted user. "
							+ ((failedChangeSet != null) ? "Nothing of this changeset was recorded as applied."
									: "Nothing was applied."));
		}
		if (failedChangeSet != null) {
			String message = databaseMessage(ex);
			return failure(Kind.CHANGESET_FAILED, failedChangeSet, changeLog, message,
					dollarQuoteHint(failedChangeSet, message)
							+ "Fix the changeset or the database and start again. Changesets before it stay applied; "
							+ "nothing of this changeset was recorded as applied. On databases without "
							+ "transactional DDL (MySQL, MariaDB) check for objects it created before failing.");
		}
		ChangeLogParseException parse = find(ex, ChangeLogParseException.class);
		if (parse != null) {
			return ChangeLogFailures.parse(parse, changeLog);
		}
		LockTimeoutException lockTimeout = find(ex, LockTimeoutException.class);
		if (lockTimeout != null) {
			return failure(Kind.LOCK_TIMEOUT, null, changeLog, lockTimeout.getMessage(),
					"Another process is migrating this database (or is stuck doing so). Wait for it to finish, or "
							+ "raise migrations.lock.wait-timeout. The lock is released by the database when that "
							+ "process ends, even if it is killed: there is nothing to release by hand. Nothing "
							+ "was applied by this process.");
		}
		LockException lock = find(ex, LockException.class);
		if (lock != null) {
			return failure(Kind.LOCK_TIMEOUT, null, changeLog, String.valueOf(lock.getMessage()),
					"Another process holds the migration lock. Wait for it to finish; nothing was applied.");
		}
		SQLException sql = find(ex, SQLException.class);
		if (sql != null && isConnectionProblem(sql)) {
			return failure(Kind.DATABASE_UNAVAILABLE, null, changeLog, sql.getMessage(),
					"Check that the database is running and reachable, and the datasource's URL, user and "
							+ "password.");
		}
		return failure(Kind.OTHER, null, changeLog, databaseMessage(ex),
				"See the cause below; nothing after the last applied changeset was recorded.");
	}

	private static String preconditionMessage(PreconditionFailedException ex) {
		List<String> messages = new ArrayList<>();
		for (FailedPrecondition failed : ex.getFailedPreconditions()) {
			if (failed.getMessage() != null) {
				messages.add(failed.getMessage().strip());
			}
		}
		return messages.isEmpty() ? String.valueOf(ex.getMessage())
				: "Precondition failed: " + String.join("; ", messages);
	}

	private static boolean isPermissionDenied(SQLException ex) {
		String state = ex.getSQLState();
		int code = ex.getErrorCode();
		return "42501".equals(state) || code == 1142 || code == 1044 || code == 1227;
	}

	static MigrationFailure failure(Kind kind, @Nullable ChangeSet changeSet, String changeLog,
			@Nullable String message, String action) {
		ChangeSetInfo info = (changeSet != null) ? ChangeLogModel.info(changeSet) : null;
		String file = (info != null) ? info.file() : changeLog;
		return new MigrationFailure(kind, info, file, JdbcUrls.scrub(String.valueOf(message).strip()), action);
	}

	private static String databaseMessage(Throwable ex) {
		SQLException sql = find(ex, SQLException.class);
		if (sql != null && sql.getMessage() != null) {
			return sql.getMessage();
		}
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
	}

	/**
	 * A {@code $$ ... $$} body (a PostgreSQL function or DO block) that Liquibase split
	 * at its semicolons fails with an unterminated string or a syntax error.
	 */
	private static String dollarQuoteHint(ChangeSet changeSet, String message) {
		String lower = message.toLowerCase(java.util.Locale.ROOT);
		if (!(lower.contains("unterminated") || lower.contains("syntax error"))) {
			return "";
		}
		boolean dollarBody = changeSet.getChanges()
			.stream()
			.anyMatch((change) -> change instanceof AbstractSQLChange sql && sql.getSql() != null
					&& sql.getSql().contains("$$") && !Boolean.FALSE.equals(sql.isSplitStatements()));
		return dollarBody ? "The SQL has a $$ body, which Liquibase split at its semicolons: set "
				+ "splitStatements=\"false\" on the sql change (--splitStatements:false in formatted SQL) or "
				+ "an endDelimiter. " : "";
	}

	/**
	 * The connection was lost during a run (terminated by an administrator, the server
	 * shut down, the network failed): say so, and name the changeset that was running, if
	 * one was, and whether it was committed.
	 * @return the failure, or {@code null} if the connection was not lost
	 */
	static @Nullable MigrationFailure connectionLost(Throwable ex, @Nullable ChangeSet running, String changeLog,
			boolean transactionalDdl) {
		SQLException sql = find(ex, SQLException.class);
		String state = (sql != null) ? sql.getSQLState() : null;
		if (state == null || !(state.startsWith("08") || state.startsWith("57P")) || !isResourceFailure(sql)) {
			return null;
		}
		String cause = "The connection to the database was lost (SQLState " + state + ": "
				+ String.valueOf(sql.getMessage()).strip() + ")";
		if (running == null) {
			return failure(Kind.CONNECTION_LOST, null, changeLog, cause + " while no changeset was running",
					"Every changeset recorded so far is committed; start again once the database is reachable.");
		}
		return failure(Kind.CONNECTION_LOST, running, changeLog,
				cause + " while this changeset ran; it was not " + "committed",
				transactionalDdl
						? "Its changes were rolled back with its record (transactional DDL), so the next start runs "
								+ "it again; start again once the database is reachable."
						: "This database has no transactional DDL: check for objects the changeset created before "
								+ "the connection was lost, then start again.");
	}

	private static boolean isConnectionProblem(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("28"));
	}

	/**
	 * Whether Spring's SQL exception translation (by exception subclass, then by SQL
	 * state) calls this a failure of the database as a resource: the connection or the
	 * server (SQL states 08, 53, 57, ...), not the statement.
	 */
	static boolean isResourceFailure(SQLException ex) {
		DataAccessException translated = TRANSLATOR.translate("migration", null, ex);
		return translated instanceof DataAccessResourceFailureException
				|| translated instanceof TransientDataAccessResourceException
				|| translated instanceof RecoverableDataAccessException;
	}

	static <T extends Throwable> @Nullable T find(@Nullable Throwable ex, Class<T> type) {
		Throwable candidate = ex;
		int depth = 0;
		while (candidate != null && depth++ < 32) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
			candidate = candidate.getCause();
		}
		return null;
	}

}
