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

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An immutable snapshot of where migrations stand. The engine replaces it after every run
 * and every refresh; readers (probes, endpoints) never touch the database.
 *
 * @param state the overall state
 * @param changelog the master changelog location
 * @param database the database the engine migrates, without credentials; {@code null}
 * until the engine first connected
 * @param applied the changesets recorded in the database, in execution order (oldest
 * first)
 * @param pending the changesets of the changelog not yet applied, in changelog order
 * @param unexpected changesets recorded in the database that the changelog does not
 * contain (the database is ahead of this build)
 * @param lastRun the last run of the engine in this process, if any
 * @param lock the state of the migration lock as last seen, if known
 * @param progress the progress of the run under way, when {@link #state()} is
 * {@link MigrationState#MIGRATING}
 * @param checkedAt when the database was last inspected; {@code null} if never
 * @param outOfOrder the pending changesets that sit before an applied one in the
 * changelog (two branches merged), in changelog order; a subset of {@code pending}
 * @param warnings what an operator should look at in the database, such as an index left
 * {@code INVALID} by a killed concurrent build
 */
public record MigrationStatus(MigrationState state, String changelog, @Nullable DatabaseInfo database,
		List<ChangeSetInfo> applied, List<ChangeSetInfo> pending, List<ChangeSetInfo> unexpected,
		@Nullable RunReport lastRun, @Nullable LockInfo lock, @Nullable Progress progress, @Nullable Instant checkedAt,
		List<ChangeSetInfo> outOfOrder, List<String> warnings) {

	public MigrationStatus {
		applied = List.copyOf(applied);
		pending = List.copyOf(pending);
		unexpected = List.copyOf(unexpected);
		outOfOrder = List.copyOf(outOfOrder);
		warnings = List.copyOf(warnings);
	}

	/**
	 * A status without out-of-order changesets or warnings.
	 * @param state the overall state
	 * @param changelog the master changelog location
	 * @param database the database, if known
	 * @param applied the applied changesets
	 * @param pending the pending changesets
	 * @param unexpected the unexpected changesets
	 * @param lastRun the last run, if any
	 * @param lock the lock, if known
	 * @param progress the progress, while migrating
	 * @param checkedAt when the database was last inspected
	 */
	public MigrationStatus(MigrationState state, String changelog, @Nullable DatabaseInfo database,
			List<ChangeSetInfo> applied, List<ChangeSetInfo> pending, List<ChangeSetInfo> unexpected,
			@Nullable RunReport lastRun, @Nullable LockInfo lock, @Nullable Progress progress,
			@Nullable Instant checkedAt) {
		this(state, changelog, database, applied, pending, unexpected, lastRun, lock, progress, checkedAt, List.of(),
				List.of());
	}

	/**
	 * The status of an engine that has not looked at its database yet.
	 * @param changelog the master changelog location
	 * @return the initial status
	 */
	public static MigrationStatus initial(String changelog) {
		return new MigrationStatus(MigrationState.PENDING, changelog, null, List.of(), List.of(), List.of(), null, null,
				null, null);
	}

	/**
	 * The most recently applied changeset.
	 * @return the last applied changeset, or {@code null} if none is applied
	 */
	public @Nullable ChangeSetInfo lastApplied() {
		return this.applied.isEmpty() ? null : this.applied.get(this.applied.size() - 1);
	}

	MigrationStatus withState(MigrationState state) {
		return new MigrationStatus(state, this.changelog, this.database, this.applied, this.pending, this.unexpected,
				this.lastRun, this.lock, this.progress, this.checkedAt, this.outOfOrder, this.warnings);
	}

	MigrationStatus withProgress(@Nullable Progress progress) {
		return new MigrationStatus(this.state, this.changelog, this.database, this.applied, this.pending,
				this.unexpected, this.lastRun, this.lock, progress, this.checkedAt, this.outOfOrder, this.warnings);
	}

	MigrationStatus withLastRun(RunReport lastRun) {
		return new MigrationStatus(this.state, this.changelog, this.database, this.applied, this.pending,
				this.unexpected, lastRun, this.lock, this.progress, this.checkedAt, this.outOfOrder, this.warnings);
	}

	MigrationStatus withLock(@Nullable LockInfo lock) {
		return new MigrationStatus(this.state, this.changelog, this.database, this.applied, this.pending,
				this.unexpected, this.lastRun, lock, this.progress, this.checkedAt, this.outOfOrder, this.warnings);
	}

	/**
	 * The database the engine works on. Never carries credentials.
	 *
	 * @param product the database product name
	 * @param version the database product version
	 * @param url the JDBC URL with user information and secrets removed
	 * @param user the user the engine connects as
	 * @param schema the default schema
	 */
	public record DatabaseInfo(String product, String version, String url, @Nullable String user,
			@Nullable String schema) {

		/**
		 * Describe the database a connection leads to, its URL without credentials.
		 * @param connection the connection
		 * @param schema the schema migrated
		 * @return the description
		 * @throws SQLException if the connection's metadata cannot be read
		 */
		public static DatabaseInfo of(Connection connection, @Nullable String schema) throws SQLException {
			DatabaseMetaData metaData = connection.getMetaData();
			return new DatabaseInfo(metaData.getDatabaseProductName(), metaData.getDatabaseProductVersion(),
					JdbcUrls.sanitize(metaData.getURL()), metaData.getUserName(), schema);
		}

	}

	/**
	 * Progress of the run under way.
	 *
	 * @param done changesets applied so far in this run
	 * @param total changesets this run is applying
	 * @param current the changeset being applied, if known
	 */
	public record Progress(int done, int total, @Nullable ChangeSetInfo current) {

	}

	/**
	 * The state of the migration lock.
	 *
	 * @param strategy the lock strategy in use (for example {@code postgresql-advisory})
	 * @param held whether some process holds it
	 * @param holder who holds it, as the database reports it, if known
	 * @param since since when it is held, if known
	 * @param staleLiquibaseLock whether Liquibase's own {@code DATABASECHANGELOGLOCK} row
	 * is marked locked although this engine does not use it
	 */
	public record LockInfo(String strategy, boolean held, @Nullable String holder, @Nullable Instant since,
			boolean staleLiquibaseLock) {

	}

}
