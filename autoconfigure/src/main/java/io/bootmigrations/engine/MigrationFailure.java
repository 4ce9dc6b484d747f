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

import org.jspecify.annotations.Nullable;

/**
 * Why a run failed, in terms an operator can act on.
 *
 * @param kind the kind of failure
 * @param changeSet the changeset that failed, if the failure belongs to one
 * @param file the changelog file concerned, if known
 * @param message the database's error or Liquibase's explanation, without credentials
 * @param action what to do about it
 */
public record MigrationFailure(Kind kind, @Nullable ChangeSetInfo changeSet, @Nullable String file, String message,
		String action) {

	/**
	 * Kinds of failure.
	 */
	public enum Kind {

		/** A changeset's SQL failed in the database. */
		CHANGESET_FAILED,

		/** The changelog (or a file it includes) does not exist. */
		CHANGELOG_NOT_FOUND,

		/** The changelog cannot be parsed. */
		CHANGELOG_INVALID,

		/**
		 * Validation failed: checksums, duplicates, unknown attributes, preconditions.
		 */
		VALIDATION_FAILED,

		/** A precondition failed with {@code onFail=HALT}. */
		PRECONDITION_FAILED,

		/** The database user lacks a privilege the migration needs. */
		PERMISSION_DENIED,

		/** The database cannot be reached. */
		DATABASE_UNAVAILABLE,

		/** Another process held the migration lock for longer than allowed. */
		LOCK_TIMEOUT,

		/**
		 * A command was refused before it changed anything: unknown target, a changeset
		 * without rollback in a downgrade's range, nothing to act on.
		 */
		REFUSED,

		/** The run was stopped by a shutdown (SIGTERM) before it was done. */
		STOPPED,

		/** Refused because a migration is running in this process; nothing was done. */
		BUSY,

		/** The connection to the database was lost during the run. */
		CONNECTION_LOST,

		/** Anything else. */
		OTHER

	}

}
