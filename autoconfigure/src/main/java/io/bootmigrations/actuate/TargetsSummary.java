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
import java.util.TreeMap;

import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.status.MigrationReadiness;

/**
 * A compact view of many targets (issue #11), the same for the health indicator and the
 * endpoint: counts by state, and the targets that are not ready, first the failed ones
 * with their error. Stays small at hundreds of tenants.
 *
 * @param total how many targets
 * @param states how many targets are in each state
 * @param notReady the targets that are not ready, failed ones first, by id
 * @param errors the failed targets' errors by id
 * @param readiness the worst readiness of all targets
 */
public record TargetsSummary(int total, Map<String, Integer> states, List<String> notReady, Map<String, String> errors,
		MigrationReadiness readiness) {

	/**
	 * Summarize targets.
	 * @param targets every target's status by id
	 * @param blockOnUnexpected whether unexpected changesets block readiness
	 * @return the summary
	 */
	public static TargetsSummary of(Map<String, MigrationStatus> targets, boolean blockOnUnexpected) {
		Map<String, Integer> states = new TreeMap<>();
		List<String> blocked = new ArrayList<>();
		List<String> waiting = new ArrayList<>();
		Map<String, String> errors = new LinkedHashMap<>();
		MigrationReadiness worst = MigrationReadiness.READY;
		for (Map.Entry<String, MigrationStatus> target : targets.entrySet()) {
			MigrationStatus status = target.getValue();
			states.merge(status.state().name(), 1, Integer::sum);
			MigrationReadiness readiness = MigrationReadiness.of(status, blockOnUnexpected);
			worst = worse(worst, readiness);
			if (readiness == MigrationReadiness.BLOCKED) {
				blocked.add(target.getKey());
				RunReport lastRun = status.lastRun();
				MigrationFailure error = (lastRun != null) ? lastRun.error() : null;
				if (error != null) {
					errors.put(target.getKey(), Failures.summary(error));
				}
			}
			else if (readiness == MigrationReadiness.WAITING) {
				waiting.add(target.getKey());
			}
		}
		blocked.addAll(waiting);
		return new TargetsSummary(targets.size(), states, blocked, errors, worst);
	}

	/**
	 * The worse of this summary's readiness and another.
	 * @param other the other readiness
	 * @return the worse one
	 */
	public MigrationReadiness worst(MigrationReadiness other) {
		return worse(this.readiness, other);
	}

	/**
	 * This summary as a response section, listing at most {@code limit} targets.
	 * @param limit how many targets to list
	 * @return the section
	 */
	public Map<String, Object> toMap(int limit) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("total", this.total);
		map.put("states", this.states);
		map.put("notReady", this.notReady.subList(0, Math.min(limit, this.notReady.size())));
		if (this.notReady.size() > limit) {
			map.put("notReadyMore", this.notReady.size() - limit);
		}
		Map<String, String> errors = new LinkedHashMap<>();
		this.errors.entrySet().stream().limit(limit).forEach((error) -> errors.put(error.getKey(), error.getValue()));
		if (!errors.isEmpty()) {
			map.put("errors", errors);
		}
		return map;
	}

	private static MigrationReadiness worse(MigrationReadiness a, MigrationReadiness b) {
		return (a.ordinal() >= b.ordinal()) ? a : b;
	}

}
