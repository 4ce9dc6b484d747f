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
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.MigrationStatus.DatabaseInfo;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;

/**
 * The no-op boot of many tenant schemas: per tenant target, one connection, one batch
 * check of the fast path ({@code FastPathBatch}), and the tenants that match exactly are
 * settled as up to date without an engine. The others run as usual, each with its engine.
 */
final class TenantsUpToDate {

	private static final Log logger = LogFactory.getLog(TenantsUpToDate.class);

	private TenantsUpToDate() {
	}

	/**
	 * The tenant schemas without an engine, checked together per target: one connection,
	 * the stored fingerprints and histories read in a few queries, the changelog's files
	 * read once. An exact match settles the tenant as up to date.
	 */
	static void settle(TargetEngineFactory factory, List<Target> targets) {
		Map<String, List<Target>> tenantsByTarget = new LinkedHashMap<>();
		targets.stream()
			.filter((target) -> target.definition().schema() != null && !target.hasEngine())
			.forEach(
					(target) -> tenantsByTarget.computeIfAbsent(target.definition().name(), (name) -> new ArrayList<>())
						.add(target));
		tenantsByTarget.forEach((name, tenants) -> {
			Instant startedAt = Instant.now();
			try (Connection connection = tenants.get(0).definition().dataSource().getConnection()) {
				Map<String, MigrationSettings> settings = new LinkedHashMap<>();
				tenants.forEach((tenant) -> settings.put(tenant.id(), tenant.definition().settings()));
				Map<String, ChangeLogHistory> upToDate = factory.upToDate(connection, settings);
				if (upToDate.isEmpty()) {
					return;
				}
				DatabaseInfo database = DatabaseInfo.of(connection, null);
				Instant now = Instant.now();
				for (Target tenant : tenants) {
					ChangeLogHistory history = upToDate.get(tenant.id());
					if (history != null) {
						tenant.settle(new MigrationStatus(MigrationState.UP_TO_DATE,
								tenant.definition().settings().changeLog(),
								new DatabaseInfo(database.product(), database.version(), database.url(),
										database.user(), tenant.definition().schema()),
								history.applied(), List.of(), List.of(),
								new RunReport("update", startedAt, now, 0, RunReport.Outcome.SUCCEEDED, null), null,
								null, now));
					}
				}
			}
			catch (SQLException | RuntimeException ex) {
				logger.debug("Migrations: tenants of " + name + " not checked together, each runs on its own", ex);
			}
		});
	}

}
