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
