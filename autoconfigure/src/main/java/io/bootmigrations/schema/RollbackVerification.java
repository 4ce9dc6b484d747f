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

import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.exception.RollbackImpossibleException;
import liquibase.resource.ResourceAccessor;

import io.bootmigrations.engine.MigrationSettings;

/**
 * Checks that every changeset's rollback restores the schema: replays the changelog in a
 * scratch database and, for each changeset, takes a snapshot, applies it, rolls it back,
 * compares a new snapshot with the first, and applies it again. Stops at the first
 * changeset whose rollback is missing, fails or leaves a difference. Never touches the
 * application's database.
 * <p>
 * Compares the schema, not the data: a rollback that loses rows passes.
 */
public final class RollbackVerification {

	private final MigrationSettings settings;

	private final ResourceAccessor resourceAccessor;

	private final ScratchSpace scratchSpace;

	private final String schema;

	/**
	 * Create a rollback verification.
	 * @param settings the migration settings (changelog, contexts, schemas, tables)
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param scratchSpace where to replay the changelog
	 * @param schema the schema the changesets create their objects in
	 */
	public RollbackVerification(MigrationSettings settings, ResourceAccessor resourceAccessor,
			ScratchSpace scratchSpace, String schema) {
		this.settings = settings;
		this.resourceAccessor = resourceAccessor;
		this.scratchSpace = scratchSpace;
		this.schema = schema;
	}

	/**
	 * Run the verification.
	 * @return the first changeset that fails it, or a clean report
	 * @throws IllegalStateException if the scratch database cannot be made or a changeset
	 * cannot be applied in it
	 */
	public RollbackReport verify() {
		ObjectFilter filter = ObjectFilter.excluding(this.settings.changeLogTable(), this.settings.lockTable(),
				List.of());
		try (ScratchDatabase scratch = this.scratchSpace.create();
				ChangeLogReplay replay = new ChangeLogReplay(scratch.dataSource(), this.schema, this.settings,
						this.resourceAccessor)) {
			SchemaSnapshot before = replay.snapshot(filter);
			int verified = 0;
			for (ChangeSet changeSet : replay.changeSets()) {
				apply(replay, changeSet, "apply");
				SchemaSnapshot applied = replay.snapshot(filter);
				try {
					replay.rollback(changeSet);
				}
				catch (Exception ex) {
					boolean missing = Causes.find(ex, RollbackImpossibleException.class) != null
							|| Causes.message(ex).contains("does not support automatic rollback");
					return new RollbackReport(verified, changeSet.toString(),
							missing ? "missing-rollback" : "failed-rollback",
							List.of((missing ? "missing-rollback: " : "failed-rollback: ") + Causes.message(ex)),
							replay.notes());
				}
				List<SchemaDifference> leaks = SchemaDifference.between(before, replay.snapshot(filter));
				if (!leaks.isEmpty()) {
					return new RollbackReport(verified, changeSet.toString(), "leaky-rollback",
							leaks.stream().map(SchemaDifference::describeAsLeakyRollback).toList(), replay.notes());
				}
				try {
					apply(replay, changeSet, "apply again after its rollback");
				}
				catch (IllegalStateException ex) {
					return new RollbackReport(verified, changeSet.toString(), "failed-reapply",
							List.of("failed-reapply: " + Causes.message(ex)), replay.notes());
				}
				before = applied;
				verified++;
			}
			replay.noteObjectsOutsideSchema();
			return new RollbackReport(verified, null, null, List.of(), replay.notes());
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The rollback verification failed: " + Causes.message(ex), ex);
		}
	}

	private static void apply(ChangeLogReplay replay, ChangeSet changeSet, String what) {
		try {
			replay.apply(changeSet);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"Cannot " + what + " changeset " + changeSet + " in the scratch database: " + Causes.message(ex),
					ex);
		}
	}

}
