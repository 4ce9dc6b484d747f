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

import java.util.ArrayList;
import java.util.List;

import liquibase.exception.ValidationFailedException;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationFailure.Kind;

/**
 * What {@link MigrationEngine#validate()} found: how the changelog and the database
 * differ. Nothing was applied to find it.
 *
 * @param status the status read while validating
 * @param checksumMismatches applied changesets whose stored checksum differs from the
 * changelog's, as Liquibase describes them
 */
public record ValidationResult(MigrationStatus status, List<String> checksumMismatches) {

	public ValidationResult {
		checksumMismatches = List.copyOf(checksumMismatches);
	}

	/**
	 * The stored checksums that differ from the changelog's, by the changelog's own
	 * validation (not Liquibase's validate command: a read-only check must not create
	 * {@code DATABASECHANGELOG} or take the lock).
	 * @throws Exception if the changelog itself is invalid
	 */
	static List<String> checksumMismatches(Session session) throws Exception {
		try {
			session.changeLog().validate(session.database(), session.contexts(), session.labels());
			return List.of();
		}
		catch (Exception ex) {
			ValidationFailedException validation = Failures.find(ex, ValidationFailedException.class);
			List<String> invalid = (validation != null) ? validation.getInvalidMD5Sums() : List.of();
			if (invalid.isEmpty()) {
				throw ex;
			}
			return List.copyOf(invalid);
		}
	}

	/**
	 * Changesets of the changelog not applied yet.
	 * @return the pending changesets
	 */
	public List<ChangeSetInfo> pending() {
		return this.status.pending();
	}

	/**
	 * Changesets applied to the database that the changelog does not contain.
	 * @return the unexpected changesets
	 */
	public List<ChangeSetInfo> unexpected() {
		return this.status.unexpected();
	}

	/**
	 * Whether the database matches the changelog exactly.
	 * @return {@code true} if nothing is pending, unexpected or mismatched
	 */
	public boolean isClean() {
		return pending().isEmpty() && unexpected().isEmpty() && this.checksumMismatches.isEmpty();
	}

	/**
	 * The problems as a failure report, for a start that must not go on.
	 * @return the failure, or {@code null} if clean
	 */
	public @Nullable MigrationFailure toFailure() {
		if (isClean()) {
			return null;
		}
		List<String> problems = new ArrayList<>();
		if (!pending().isEmpty()) {
			problems.add(pending().size() + " pending changeset" + ((pending().size() == 1) ? "" : "s") + " (first: "
					+ pending().get(0).identifier() + ")");
		}
		if (!unexpected().isEmpty()) {
			problems.add(unexpected().size() + " applied changeset" + ((unexpected().size() == 1) ? "" : "s")
					+ " not in this changelog (first: " + unexpected().get(0).identifier() + ")");
		}
		if (!this.checksumMismatches.isEmpty()) {
			problems.add("checksum mismatch: " + String.join("; ", this.checksumMismatches));
		}
		ChangeSetInfo first = (!pending().isEmpty()) ? pending().get(0)
				: (!unexpected().isEmpty()) ? unexpected().get(0) : null;
		return new MigrationFailure(Kind.VALIDATION_FAILED, first, this.status.changelog(),
				"The database does not match the changelog: " + String.join("; ", problems),
				"Run the migrations before this version starts (for example a Job running "
						+ "--migrations.command=upgrade), or deploy the build whose changelog matches the database. "
						+ "migrations.mode=validate applies nothing.");
	}

}
