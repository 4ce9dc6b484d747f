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

package io.bootmigrations.engine;

import java.sql.Connection;
import java.util.List;

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;

/**
 * Read-only work on the parsed changelog and the database, for tools such as the lint.
 *
 * @param <T> the result
 */
@FunctionalInterface
public interface ChangeLogInspection<T> {

	/**
	 * Inspect.
	 * @param connection a connection of its own, without the migration lock
	 * @param database Liquibase's view of the database
	 * @param changeSets the changesets asked for, in changelog order
	 * @return the result
	 * @throws Exception if the inspection failed
	 */
	T inspect(Connection connection, Database database, List<ChangeSet> changeSets) throws Exception;

}
