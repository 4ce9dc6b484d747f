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

package io.bootmigrations.autoconfigure;

import io.bootmigrations.engine.MigrationEngine;

/**
 * Replaces what happens to the database on boot. Define a bean of this type to, for
 * example, validate instead of migrate, or to run something before and after.
 */
@FunctionalInterface
public interface MigrationStrategy {

	/**
	 * Migrate (or not) on boot.
	 * @param engine the engine to use
	 */
	void migrate(MigrationEngine engine);

}
