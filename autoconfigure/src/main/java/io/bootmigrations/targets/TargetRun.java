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

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.RunReport;

/**
 * What one target's run did on boot or on request.
 *
 * @param id the target's id ({@code name} or {@code name:schema})
 * @param report the run's report, or {@code null} if the run failed
 * @param error why it failed, without credentials, or {@code null}
 */
public record TargetRun(String id, @Nullable RunReport report, @Nullable String error) {

	/**
	 * Whether the run failed.
	 * @return whether it failed
	 */
	public boolean failed() {
		return this.error != null;
	}

}
