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

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown after every target has finished when some of them failed: names each failed
 * target (and schema) with its error.
 */
public class TargetsMigrationException extends RuntimeException {

	private final List<TargetRun> failed;

	public TargetsMigrationException(List<TargetRun> failed, int total) {
		super(describe(failed, total));
		this.failed = List.copyOf(failed);
	}

	/**
	 * The failed runs.
	 * @return the failed runs
	 */
	public List<TargetRun> getFailed() {
		return this.failed;
	}

	private static String describe(List<TargetRun> failed, int total) {
		return "Migrations failed on " + failed.size() + " of " + total + " target(s) (the others finished): "
				+ failed.stream().map((run) -> run.id() + ": " + run.error()).collect(Collectors.joining("; "));
	}

}
