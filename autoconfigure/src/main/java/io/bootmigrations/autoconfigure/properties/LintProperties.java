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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Zero-downtime lint of changesets.
 *
 * @since 0.1.0
 */
public class LintProperties {

	/**
	 * What happens when changesets about to be applied on boot break a lint rule:
	 * nothing, a warning in the log, or a failed startup with nothing applied.
	 */
	private OnBoot onBoot = OnBoot.WARN;

	/**
	 * Rules suppressed for every changeset, each with the reason, which the report shows:
	 * migrations.lint.suppress.drop-column=reason.
	 */
	private Map<String, String> suppress = new LinkedHashMap<>();

	public OnBoot getOnBoot() {
		return this.onBoot;
	}

	public void setOnBoot(OnBoot onBoot) {
		this.onBoot = onBoot;
	}

	public Map<String, String> getSuppress() {
		return this.suppress;
	}

	public void setSuppress(Map<String, String> suppress) {
		this.suppress = suppress;
	}

	/**
	 * What the lint on boot does with findings.
	 */
	public enum OnBoot {

		/** Do not lint on boot. */
		OFF,

		/** Log the findings and migrate. */
		WARN,

		/** Fail startup on any error finding, before anything is applied. */
		FAIL

	}

}
