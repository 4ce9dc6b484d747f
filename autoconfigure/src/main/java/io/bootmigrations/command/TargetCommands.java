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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.targets.ParallelRuns;

/**
 * One command on several targets (issue #11): run at most {@code parallelism} at once,
 * each on a thread named after its target, each under its own lock; the text gets one
 * {@code == <target> ==} section per target and the JSON one entry per target, in the
 * targets' order whatever order they finish in; the exit status is the worst of them.
 */
final class TargetCommands {

	private TargetCommands() {
	}

	static CommandResult runEach(MigrationCommand command, Map<String, MigrationEngine> selected, int parallelism,
			Function<MigrationEngine, CommandResult> runOne) {
		List<String> ids = new ArrayList<>(selected.keySet());
		List<CommandResult> results = ParallelRuns.run(ids, parallelism, (id) -> runOne.apply(selected.get(id)),
				() -> selected.values().forEach(MigrationEngine::requestStop));
		int worst = MigrationCommandRunner.SUCCESS;
		StringBuilder text = new StringBuilder();
		Map<String, Object> byTarget = new LinkedHashMap<>();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			CommandResult result = results.get(i);
			worst = Math.max(worst, result.exitCode);
			text.append("== ").append(id).append(" ==").append(System.lineSeparator()).append(result.text);
			// the status document names its target, as in /actuator/migrations/targets
			result.json.computeIfPresent("target", (key, name) -> id);
			byTarget.put(id, result.json);
		}
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", command.commandName());
		json.put("exitCode", worst);
		json.put("targets", byTarget);
		return new CommandResult(worst, text.toString(), json);
	}

}
