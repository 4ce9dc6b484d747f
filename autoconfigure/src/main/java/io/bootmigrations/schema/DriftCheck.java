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

package io.bootmigrations.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.changelog.ChangeSet;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;

/**
 * Compares the live schema with the schema that the applied changesets produce: replays
 * exactly the changesets {@code DATABASECHANGELOG} records as executed, in the order they
 * ran, in a scratch database, then compares the two snapshots. Pending changesets are not
 * drift. Never writes to the application's database.
 */
public final class DriftCheck {

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final ResourceAccessor resourceAccessor;

	private final ScratchSpace scratchSpace;

	private final ObjectFilter filter;

	private volatile @Nullable DriftReport latest;

	/**
	 * Create a drift check.
	 * @param dataSource the application's database
	 * @param settings the migration settings (changelog, contexts, schemas, tables)
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param scratchSpace where to replay the changelog
	 * @param exclude patterns of objects the changelog never touched
	 */
	public DriftCheck(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			ScratchSpace scratchSpace, List<String> exclude) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.resourceAccessor = resourceAccessor;
		this.scratchSpace = scratchSpace;
		this.filter = ObjectFilter.excluding(settings.changeLogTable(), settings.lockTable(), exclude);
	}

	/**
	 * The latest report if it is younger than the given age, otherwise a new one. Callers
	 * at the same time share one check.
	 * @param maxAge how old a report may be
	 * @return the report, with the time it was computed
	 */
	public synchronized DriftReport latest(Duration maxAge) {
		DriftReport report = this.latest;
		if (report == null || report.checkedAt().isBefore(Instant.now().minus(maxAge))) {
			report = check();
			this.latest = report;
		}
		return report;
	}

	/**
	 * Run the check.
	 * @return the differences found
	 * @throws IllegalStateException if the scratch database cannot be made or an applied
	 * changeset cannot be replayed in it
	 */
	public DriftReport check() {
		Instant checkedAt = Instant.now();
		String schema;
		List<ChangeSetInfo> applied;
		SchemaSnapshot live;
		try (Connection connection = this.dataSource.getConnection()) {
			schema = (this.settings.defaultSchema() != null) ? this.settings.defaultSchema() : connection.getSchema();
			if (schema == null) {
				schema = "public";
			}
			applied = readApplied(connection, schema);
			live = SchemaSnapshot.of(connection, schema, this.filter);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the application's schema: " + ex.getMessage(), ex);
		}
		List<String> notes = new ArrayList<>();
		try (ScratchDatabase scratch = this.scratchSpace.create();
				ChangeLogReplay replay = new ChangeLogReplay(scratch.dataSource(), schema, this.settings,
						this.resourceAccessor)) {
			Map<String, ChangeSet> byKey = replay.byKey();
			int replayed = 0;
			for (ChangeSetInfo record : applied) {
				ChangeSet changeSet = byKey.get(ChangeLogReplay.key(record.file(), record.id(), record.author()));
				if (changeSet == null) {
					notes.add("applied changeset " + record + " is not in the changelog: what it made shows up as "
							+ "in the database, not in the migrations");
				}
				else if (!ChangeLogReplay.tagOnly(changeSet)) {
					replay(replay, changeSet);
					replayed++;
				}
			}
			replay.noteObjectsOutsideSchema();
			notes.addAll(0, replay.notes());
			SchemaSnapshot expected = replay.snapshot(this.filter);
			return new DriftReport(schema, replayed, SchemaDifference.between(expected, live), notes, checkedAt);
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The drift check failed: " + ex.getMessage(), ex);
		}
	}

	private static void replay(ChangeLogReplay replay, ChangeSet changeSet) {
		try {
			replay.apply(changeSet);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"Cannot replay applied changeset " + changeSet + " in the scratch database: " + Causes.message(ex)
							+ ". The drift check replays the applied changesets on an empty database; "
							+ "exclude what this changeset depends on from the check or make it runnable there.",
					ex);
		}
	}

	/**
	 * The applied changesets whose changes ran, in the order they ran, read through the
	 * one reader of the history table.
	 */
	private List<ChangeSetInfo> readApplied(Connection connection, String schema) throws SQLException {
		String historySchema = (this.settings.historySchema() != null) ? this.settings.historySchema() : schema;
		String table = this.settings.changeLogTableName();
		if (!exists(connection, historySchema, table)) {
			return List.of();
		}
		return ChangeLogHistory.read(connection, historySchema + "." + table)
			.applied()
			.stream()
			.filter(ChangeSetInfo::changesRan)
			.toList();
	}

	private static boolean exists(Connection connection, String schema, String table) throws SQLException {
		try (ResultSet rs = connection.getMetaData()
			.getTables(null, schema.toLowerCase(java.util.Locale.ROOT), table.toLowerCase(java.util.Locale.ROOT),
					null)) {
			return rs.next();
		}
	}

}
