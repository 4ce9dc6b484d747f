package io.bootmigrations.engine;

import java.sql.SQLException;
import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.exception.ChangeLogParseException;
import liquibase.exception.LockException;
import liquibase.exception.PreconditionErrorException;
import liquibase.exception.PreconditionFailedException;
import liquibase.exception.ValidationFailedException;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.lock.LockTimeoutException;

/**
 * Turns what Liquibase and the driver throw into a {@link MigrationFailure}: what failed,
 * where, and what to do.
 */
final class Failures {

	private Failures() {
	}

	static MigrationException toException(Throwable ex, @Nullable ChangeSet failedChangeSet, String changeLog) {
		if (ex instanceof MigrationException migrationException) {
			return migrationException;
		}
		return new MigrationException(classify(ex, failedChangeSet, changeLog), ex);
	}

	static MigrationFailure classify(Throwable ex, @Nullable ChangeSet failedChangeSet, String changeLog) {
		ValidationFailedException validation = find(ex, ValidationFailedException.class);
		if (validation != null) {
			return validationFailure(validation, changeLog);
		}
		PreconditionFailedException precondition = find(ex, PreconditionFailedException.class);
		if (precondition != null) {
			return failure(Kind.PRECONDITION_FAILED, failedChangeSet, changeLog, precondition.getMessage(),
					"The changelog's precondition stopped the migration (onFail=HALT). Make the database meet "
							+ "the precondition, or change the precondition's onFail to CONTINUE or MARK_RAN "
							+ "if skipping the changeset is intended.");
		}
		PreconditionErrorException preconditionError = find(ex, PreconditionErrorException.class);
		if (preconditionError != null) {
			return failure(Kind.PRECONDITION_FAILED, failedChangeSet, changeLog, preconditionError.getMessage(),
					"A precondition could not be evaluated. Fix the precondition's SQL or check.");
		}
		if (failedChangeSet != null) {
			return failure(Kind.CHANGESET_FAILED, failedChangeSet, changeLog, databaseMessage(ex),
					"Fix the changeset or the database and start again. Changesets before it stay applied; "
							+ "nothing of this changeset was recorded as applied. On databases without "
							+ "transactional DDL (MySQL, MariaDB) check for objects it created before failing.");
		}
		ChangeLogParseException parse = find(ex, ChangeLogParseException.class);
		if (parse != null) {
			String message = String.valueOf(parse.getMessage());
			if (message.contains("does not exist") || message.contains("not found")
					|| message.contains("Could not find")) {
				return failure(Kind.CHANGELOG_NOT_FOUND, null, changeLog, message,
						"Check spring.liquibase.change-log and the include/includeAll paths: the file must be on "
								+ "the classpath (for example src/main/resources/db/changelog/...).");
			}
			return failure(Kind.CHANGELOG_INVALID, null, changeLog, message,
					"Fix the changelog's syntax at the place named above; nothing was applied.");
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

	private static MigrationFailure validationFailure(ValidationFailedException ex, String changeLog) {
		List<String> checksums = ex.getInvalidMD5Sums();
		if (!checksums.isEmpty()) {
			return failure(Kind.VALIDATION_FAILED, null, changeLog,
					"Applied changesets were edited after they ran (stored vs current checksum): "
							+ String.join("; ", checksums),
					"Either revert the edit, or add <validCheckSum> with the new checksum to the changeset if the "
							+ "edit is harmless, or clear the stored checksums deliberately "
							+ "(spring.liquibase.clear-checksums=true for one start). Nothing was applied.");
		}
		return failure(Kind.VALIDATION_FAILED, null, changeLog, ex.getMessage().strip(),
				"Fix the changelog as described; nothing was applied.");
	}

	private static MigrationFailure failure(Kind kind, @Nullable ChangeSet changeSet, String changeLog,
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

	private static boolean isConnectionProblem(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.startsWith("28"));
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
