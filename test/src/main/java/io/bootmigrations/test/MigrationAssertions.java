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

package io.bootmigrations.test;

import java.util.List;

import javax.sql.DataSource;

import org.opentest4j.AssertionFailedError;

import io.bootmigrations.schema.DriftCheck;
import io.bootmigrations.schema.DriftReport;
import io.bootmigrations.schema.RollbackReport;
import io.bootmigrations.schema.RollbackVerification;

/**
 * Assertions about a changelog and a database migrated with it: the schema is what the
 * applied changesets produce, and every rollback restores the schema.
 */
public final class MigrationAssertions {

	private MigrationAssertions() {
	}

	/**
	 * Assert that the schema of the database is what its applied changesets produce,
	 * replayed in a scratch database on the same server.
	 * @param database the migrated database, possibly changed by the test
	 * @param exclude patterns of objects to leave out ({@code audit_*},
	 * {@code orders.legacy_*})
	 */
	public static void assertNoDrift(MigratedDatabase database, String... exclude) {
		assertNoDrift(database, database.dataSource(), exclude);
	}

	/**
	 * Assert that the schema of a database is what its applied changesets produce.
	 * @param database the extension whose changelog and server to use
	 * @param dataSource the database to check
	 * @param exclude patterns of objects to leave out
	 */
	public static void assertNoDrift(MigratedDatabase database, DataSource dataSource, String... exclude) {
		DriftReport report = new DriftCheck(dataSource, database.settings(), database.accessor(), database.space(),
				List.of(exclude))
			.check();
		if (!report.isClean()) {
			throw new AssertionFailedError("Expected schema '" + report.schema() + "' to be what its "
					+ report.applied() + " applied changesets produce, but it drifted:\n  "
					+ String.join("\n  ", report.describe()));
		}
	}

	/**
	 * Assert that each changeset of the changelog, applied then rolled back in a scratch
	 * database, leaves the schema as it was before it.
	 * @param database the extension whose changelog and server to use
	 */
	public static void assertRollbacksRestoreSchema(MigratedDatabase database) {
		String schema = (database.settings().defaultSchema() != null) ? database.settings().defaultSchema() : "public";
		RollbackReport report = new RollbackVerification(database.settings(), database.accessor(), database.space(),
				schema)
			.verify();
		if (!report.isClean()) {
			throw new AssertionFailedError(
					"Expected every rollback to restore the schema, but changeset " + report.changeSet() + " (after "
							+ report.verified() + " verified) does not:\n  " + String.join("\n  ", report.details()));
		}
	}

}
