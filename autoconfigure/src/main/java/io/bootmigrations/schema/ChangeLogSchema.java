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

import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import liquibase.changelog.ChangeSet;
import liquibase.resource.ResourceAccessor;

import io.bootmigrations.engine.MigrationSettings;

/**
 * The schema the whole changelog produces: every changeset of the configured contexts and
 * labels, applied and pending, replayed in order into a schema of a scratch database.
 */
public final class ChangeLogSchema {

	private ChangeLogSchema() {
	}

	/**
	 * Replay the changelog into a schema of a scratch database.
	 * @param scratch the scratch database (never the application's)
	 * @param schema the schema to create the objects in
	 * @param settings the migration settings (changelog, contexts, labels, parameters)
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @return notes on what the replay could not place in the schema (changesets that
	 * hard-code another schema)
	 * @throws IllegalStateException if a changeset cannot be replayed, naming it
	 */
	public static List<String> replay(DataSource scratch, String schema, MigrationSettings settings,
			ResourceAccessor resourceAccessor) {
		try (ChangeLogReplay replay = new ChangeLogReplay(scratch, schema, settings, resourceAccessor)) {
			for (ChangeSet changeSet : replay.changeSets()) {
				try {
					replay.apply(changeSet);
				}
				catch (Exception ex) {
					throw new IllegalStateException("Cannot replay changeset " + changeSet + " in a scratch database: "
							+ Causes.message(ex) + ". The changelog is replayed on an empty database; make the "
							+ "changeset runnable there.", ex);
				}
			}
			replay.noteObjectsOutsideSchema();
			return new ArrayList<>(replay.notes());
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot replay the changelog in a scratch database: " + Causes.message(ex),
					ex);
		}
	}

}
