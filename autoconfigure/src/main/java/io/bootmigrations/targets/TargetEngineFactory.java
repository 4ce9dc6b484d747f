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

package io.bootmigrations.targets;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;

/**
 * Creates what a target (and schema) needs: the one place where a target's
 * {@link MigrationEngine} is constructed, with the same safeguards, fast path and
 * listeners as the {@code default} target's.
 *
 * @since 0.1.0
 */
public interface TargetEngineFactory {

	/**
	 * Create the listeners of a target (its metrics, ...): once per target, when it is
	 * prepared, whether or not its engine is ever built.
	 * @param id the target's id
	 * @param status the target's current status
	 * @return the listeners
	 */
	List<MigrationListener> listeners(String id, Supplier<MigrationStatus> status);

	/**
	 * Create the engine of a target.
	 * @param target the target, with its schema if it is a tenant
	 * @param listeners the target's listeners
	 * @return a new engine
	 */
	MigrationEngine create(TargetDefinition target, List<MigrationListener> listeners);

	/**
	 * The fast path of several tenant schemas of one target, checked together on one
	 * connection (see {@code FastPathBatch}).
	 * @param connection a connection to the target's database
	 * @param schemas each tenant's settings by id
	 * @return the history of each tenant whose fingerprint matches exactly, by id; none
	 * when the fast path is off
	 */
	Map<String, ChangeLogHistory> upToDate(Connection connection, Map<String, MigrationSettings> schemas);

}
