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

package io.bootmigrations.engine.fastpath;

import java.io.IOException;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import liquibase.resource.ResourceAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

import io.bootmigrations.engine.MigrationSettings;

/**
 * The fast path of many history schemas that share one changelog and one configuration
 * (the tenant schemas of a target), checked together on one connection instead of one
 * engine and one connection each. The stored fingerprints and every
 * {@code DATABASECHANGELOG} are read with a few {@code UNION ALL} queries, the inputs
 * (every file and folder the last run read) are answered once per distinct set of
 * questions, and each schema's fingerprint is then compared exactly as
 * {@link FastPath#check} compares it: its own settings, the answers, its own history. A
 * schema matches only on an exact match; an error leaves the schemas concerned unmatched,
 * and they take the full path.
 *
 * @since 0.1.0
 */
public final class FastPathBatch {

	private static final Log logger = LogFactory.getLog(FastPathBatch.class);

	private static final int BATCH_SIZE = 100;

	private final Inputs.Lookups throughAccessor;

	private final Inputs.Lookups lookups;

	/**
	 * Create a batch check that asks every lookup through Liquibase's accessor.
	 * @param accessor the accessor the schemas' engines give Liquibase (without the fast
	 * path's recording wrapper)
	 */
	public FastPathBatch(ResourceAccessor accessor) {
		this(accessor, null);
	}

	/**
	 * Create a batch check that answers lookups without Liquibase, as
	 * {@link FastPath#FastPath(MigrationSettings, ResourceLoader)} does.
	 * @param accessor the accessor the schemas' engines give Liquibase (without the fast
	 * path's recording wrapper)
	 * @param resourceLoader the resource loader that accessor was made with, or
	 * {@code null} to ask every lookup through the accessor
	 */
	public FastPathBatch(ResourceAccessor accessor, @Nullable ResourceLoader resourceLoader) {
		this.throughAccessor = RecordingResourceAccessor.lookups(accessor);
		this.lookups = (resourceLoader != null) ? new ClassPathLookups(resourceLoader) : this.throughAccessor;
	}

	/**
	 * Check the fast path of every schema. Never throws: any error means no match.
	 * @param connection a connection to the schemas' database
	 * @param schemas each schema's settings by the caller's key (a tenant target's id)
	 * @return the history of every schema whose stored fingerprint matches, by key; the
	 * others must run Liquibase
	 */
	public Map<String, ChangeLogHistory> check(Connection connection, Map<String, MigrationSettings> schemas) {
		Map<String, FastPath> paths = new LinkedHashMap<>();
		String build = null;
		for (Map.Entry<String, MigrationSettings> schema : schemas.entrySet()) {
			// the Liquibase build is read from its jar once, not once per schema
			FastPath path = (build != null) ? new FastPath(schema.getValue(), build) : new FastPath(schema.getValue());
			if (path.isApplicable()) {
				paths.put(schema.getKey(), path);
				build = (build != null) ? build : liquibaseBuild(path);
			}
		}
		Map<String, Fingerprint> answers = new LinkedHashMap<>();
		Map<String, ChangeLogHistory> matched = new LinkedHashMap<>();
		List<String> keys = new ArrayList<>(paths.keySet());
		for (int from = 0; from < keys.size(); from += BATCH_SIZE) {
			List<String> batch = keys.subList(from, Math.min(keys.size(), from + BATCH_SIZE));
			Map<String, FingerprintStore.Stored> stored = storedFingerprints(connection, batch, paths);
			Map<String, ChangeLogHistory> histories = histories(connection, stored.keySet(), paths);
			stored.forEach((key, fingerprint) -> {
				FastPath path = paths.get(key);
				ChangeLogHistory history = histories.get(key);
				try {
					Inputs inputs = Inputs.parse(fingerprint.inputs());
					String question = inputs.key(path.settings().parameters());
					Fingerprint answered = answers.get(question);
					if (answered == null) {
						answered = new Fingerprint();
						inputs.answerNow(this.lookups, this.throughAccessor, path.settings().parameters(), answered);
						answers.put(question, answered);
					}
					if (history != null && path.matches(connection, fingerprint, answered, history)) {
						matched.put(key, history);
					}
				}
				catch (Exception ex) {
					logger.debug(
							"Migrations fast path: cannot compare the fingerprint of " + key + ", running Liquibase",
							ex);
				}
			});
		}
		logger.debug("Migrations fast path: " + matched.size() + " of " + schemas.size() + " schemas match ("
				+ answers.size() + " distinct set(s) of inputs answered)");
		return matched;
	}

	private static @Nullable String liquibaseBuild(FastPath path) {
		try {
			return path.liquibaseVersion();
		}
		catch (IOException ex) {
			return null;
		}
	}

	private static Map<String, FingerprintStore.Stored> storedFingerprints(Connection connection, List<String> keys,
			Map<String, FastPath> paths) {
		Map<String, FingerprintStore> stores = new LinkedHashMap<>();
		keys.forEach((key) -> stores.put(key, paths.get(key).store()));
		try {
			return FingerprintStore.readAll(connection, stores);
		}
		catch (Exception ex) {
			// a schema without the table (new, or never recorded): one query each, after
			// the failed batch's transaction is rolled back (as for the histories below),
			// so that the first schema is not read in an aborted transaction
			rollbackQuietly(connection);
			Map<String, FingerprintStore.Stored> stored = new LinkedHashMap<>();
			stores.forEach((key, store) -> {
				FingerprintStore.Stored one = store.read(connection);
				if (one != null) {
					stored.put(key, one);
				}
			});
			return stored;
		}
	}

	private static Map<String, ChangeLogHistory> histories(Connection connection, Iterable<String> keys,
			Map<String, FastPath> paths) {
		Map<String, String> tables = new LinkedHashMap<>();
		keys.forEach((key) -> tables.put(key, paths.get(key).changeLogTable()));
		try {
			return ChangeLogHistory.readAll(connection, tables);
		}
		catch (Exception ex) {
			rollbackQuietly(connection);
			Map<String, ChangeLogHistory> histories = new LinkedHashMap<>();
			tables.forEach((key, table) -> {
				try {
					histories.put(key, ChangeLogHistory.read(connection, table));
				}
				catch (Exception one) {
					rollbackQuietly(connection);
				}
			});
			return histories;
		}
	}

	private static void rollbackQuietly(Connection connection) {
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
			}
		}
		catch (Exception ex) {
			// nothing more to do
		}
	}

}
