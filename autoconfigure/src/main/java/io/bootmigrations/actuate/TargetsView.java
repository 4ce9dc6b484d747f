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

package io.bootmigrations.actuate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.status.MigrationReadiness;
import io.bootmigrations.status.StatusDocument;

/**
 * The targets' part of {@code /actuator/migrations} (issue #11): the compact
 * {@code targets} section, the {@code /actuator/migrations/targets} pages and a target's
 * engine for the lists. With {@code default} active its status is the first of the
 * statuses; without it ({@code spring.liquibase.enabled=false}) the view is all the
 * endpoint reports.
 */
final class TargetsView {

	private final Supplier<Map<String, MigrationStatus>> statuses;

	private final Function<String, @Nullable MigrationEngine> engines;

	private final boolean blockOnUnexpected;

	TargetsView(Supplier<Map<String, MigrationStatus>> statuses, Function<String, @Nullable MigrationEngine> engines,
			boolean blockOnUnexpected) {
		this.statuses = statuses;
		this.engines = engines;
		this.blockOnUnexpected = blockOnUnexpected;
	}

	static Map<String, MigrationStatus> statuses(Map<String, MigrationEngine> engines) {
		Map<String, MigrationStatus> statuses = new LinkedHashMap<>();
		engines.forEach((id, engine) -> statuses.put(id, engine.status()));
		return statuses;
	}

	/**
	 * Every target's status, {@code default} first when it exists; empty when the
	 * application has no target besides {@code default}.
	 */
	Map<String, MigrationStatus> statuses() {
		return this.statuses.get();
	}

	@Nullable MigrationEngine engine(String id) {
		return this.engines.apply(id);
	}

	/**
	 * The summary without the {@code default} target: {@code ready} (as in the
	 * {@link StatusDocument}: every target ready) and the {@code targets} section.
	 */
	Map<String, Object> summaryWithoutDefault() {
		TargetsSummary summary = TargetsSummary.of(statuses(), this.blockOnUnexpected);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("ready", summary.readiness() == MigrationReadiness.READY);
		body.put("targets", summary.toMap(MigrationsEndpoint.DEFAULT_PAGE_SIZE));
		return body;
	}

	Map<String, Object> section(Map<String, MigrationStatus> statuses) {
		return TargetsSummary.of(statuses, this.blockOnUnexpected).toMap(MigrationsEndpoint.DEFAULT_PAGE_SIZE);
	}

	/**
	 * Every target, compact at hundreds of tenants: counts by state, the targets that are
	 * not ready with the failed ones' errors, and one page of the full list.
	 */
	WebEndpointResponse<Object> page(Map<String, MigrationStatus> statuses, @Nullable Integer page,
			@Nullable Integer size) {
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : MigrationsEndpoint.DEFAULT_PAGE_SIZE;
		if (pageNumber < 0 || pageSize < 1 || pageSize > MigrationsEndpoint.MAX_PAGE_SIZE) {
			return MigrationsEndpoint.badRequest("Invalid page=" + pageNumber + "&size=" + pageSize
					+ " for /actuator/migrations/targets: page must be 0 or more and size between 1 and "
					+ MigrationsEndpoint.MAX_PAGE_SIZE);
		}
		Map<String, Object> body = new LinkedHashMap<>(section(statuses));
		List<Map.Entry<String, MigrationStatus>> all = new ArrayList<>(statuses.entrySet());
		int from = (int) Math.min((long) pageNumber * pageSize, all.size());
		int to = Math.min(from + pageSize, all.size());
		body.put("page", pageNumber);
		body.put("size", pageSize);
		body.put("totalPages", (all.size() + pageSize - 1) / pageSize);
		body.put("targets",
				all.subList(from, to)
					.stream()
					.map((entry) -> StatusDocument.of(entry.getKey(), entry.getValue(), this.blockOnUnexpected))
					.toList());
		return new WebEndpointResponse<>(body);
	}

}
