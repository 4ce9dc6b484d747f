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

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.validation.Errors;

/**
 * Settings of the status snapshot that the endpoint and health indicator serve.
 *
 * @since 0.1.0
 */
public class StatusProperties {

	/**
	 * How often to re-read the applied changesets from the database, so that a replica
	 * notices changes made by another deployment. Never re-read when unset.
	 */
	private @Nullable Duration refreshInterval;

	public @Nullable Duration getRefreshInterval() {
		return this.refreshInterval;
	}

	public void setRefreshInterval(@Nullable Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Rejects invalid values into the errors of the enclosing
	 * {@code MigrationsProperties} (field paths relative to {@code migrations}).
	 * @param errors the errors of the enclosing properties
	 */
	public void validate(Errors errors) {
		if (this.refreshInterval != null && (this.refreshInterval.isNegative() || this.refreshInterval.isZero())) {
			errors.rejectValue("status.refreshInterval", "migrations.status.refresh-interval.positive",
					"migrations.status.refresh-interval: Must be a positive duration such as 30s or 1m (remove "
							+ "the property to never refresh), but was " + this.refreshInterval);
		}
	}

}
