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

import org.springframework.validation.Errors;

/**
 * Behaviour while the application starts.
 *
 * @since 0.1.0
 */
public class StartupProperties {

	/**
	 * How long to keep retrying when the database cannot be reached at startup, before
	 * startup fails. 0 fails at once.
	 */
	private Duration waitForDatabase = Duration.ofSeconds(60);

	public Duration getWaitForDatabase() {
		return this.waitForDatabase;
	}

	public void setWaitForDatabase(Duration waitForDatabase) {
		this.waitForDatabase = waitForDatabase;
	}

	/**
	 * Rejects invalid values into the errors of the enclosing
	 * {@code MigrationsProperties} (field paths relative to {@code migrations}).
	 * @param errors the errors of the enclosing properties
	 */
	public void validate(Errors errors) {
		if (this.waitForDatabase == null || this.waitForDatabase.isNegative()) {
			errors.rejectValue("startup.waitForDatabase", "migrations.startup.wait-for-database.not-negative",
					"migrations.startup.wait-for-database must be a duration such as 60s, or 0 to fail at once "
							+ "when the database cannot be reached, but was " + this.waitForDatabase);
		}
	}

}
