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

package io.bootmigrations.autoconfigure.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * Drift detection: the live schema against the schema the applied changesets produce.
 *
 * @since 0.1.0
 */
public class DriftProperties {

	/**
	 * Whether to check for drift after the migration on boot: off, or warn (log each
	 * difference, never fail the start).
	 */
	private OnBoot onBoot = OnBoot.OFF;

	/**
	 * Patterns (with * and ?) of tables, views, sequences or table objects
	 * ("orders.legacy_*") that the changelog never touched, left out of the drift check.
	 */
	private List<String> exclude = new ArrayList<>();

	public OnBoot getOnBoot() {
		return this.onBoot;
	}

	public void setOnBoot(OnBoot onBoot) {
		this.onBoot = onBoot;
	}

	public List<String> getExclude() {
		return this.exclude;
	}

	public void setExclude(List<String> exclude) {
		this.exclude = exclude;
	}

	/**
	 * Whether and how drift is checked on boot.
	 */
	public enum OnBoot {

		/** No drift check on boot. */
		OFF,

		/** Log each difference after the migration; never fail the start. */
		WARN

	}

}
