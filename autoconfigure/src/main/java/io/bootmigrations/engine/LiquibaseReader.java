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

import java.util.concurrent.Callable;

import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;

/**
 * Reads through Liquibase, for {@link MigrationEngine#read(LiquibaseReader)}; the
 * changelog is parsed only if asked for.
 *
 * @param <T> the result type
 */
@FunctionalInterface
public interface LiquibaseReader<T> {

	/**
	 * Read.
	 * @param database Liquibase's view of the database, with the configured schemas and
	 * tables
	 * @param changeLog parses the changelog when called
	 * @return the result
	 * @throws Exception if reading fails
	 */
	T read(Database database, Callable<DatabaseChangeLog> changeLog) throws Exception;

}
