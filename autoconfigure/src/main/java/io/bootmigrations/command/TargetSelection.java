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

package io.bootmigrations.command;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationEngine;

/**
 * {@code --migrations.only=<target>[:<schema>][,…]}: which targets a command runs on. A
 * tenant target's name alone selects all its schemas.
 */
final class TargetSelection {

	private TargetSelection() {
	}

	/**
	 * Select targets.
	 * @param targets every target's engine by id
	 * @param only the selection, or {@code null} for all
	 * @return the selected engines by id, in the targets' order
	 * @throws IllegalArgumentException naming an entry that selects nothing
	 */
	static Map<String, MigrationEngine> select(Map<String, MigrationEngine> targets, @Nullable String only) {
		if (only == null) {
			return targets;
		}
		Map<String, MigrationEngine> selected = new LinkedHashMap<>();
		for (String entry : only.split(",")) {
			String wanted = entry.strip();
			if (wanted.isEmpty()) {
				continue;
			}
			int before = selected.size();
			targets.forEach((id, engine) -> {
				if (id.equals(wanted) || id.startsWith(wanted + ":")) {
					selected.put(id, engine);
				}
			});
			if (selected.size() == before && !targets.containsKey(wanted)) {
				throw new IllegalArgumentException("--migrations.only: no target '" + wanted + "' (targets: "
						+ String.join(", ", targets.keySet().stream().limit(20).toList())
						+ ((targets.size() > 20) ? ", …" : "") + ").");
			}
		}
		if (selected.isEmpty()) {
			throw new IllegalArgumentException("--migrations.only selects no target.");
		}
		Map<String, MigrationEngine> ordered = new LinkedHashMap<>();
		targets.forEach((id, engine) -> {
			if (selected.containsKey(id)) {
				ordered.put(id, engine);
			}
		});
		return ordered;
	}

}
