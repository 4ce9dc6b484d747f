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

package io.bootmigrations.lock;

/**
 * How migrations are serialized across processes.
 */
public enum LockStrategy {

	/**
	 * The database's native lock where there is one (PostgreSQL advisory lock,
	 * MariaDB/MySQL named lock), Liquibase's table lock elsewhere.
	 */
	AUTO,

	/**
	 * The database's native lock; fail if the database has none.
	 */
	ADVISORY,

	/**
	 * Liquibase's own {@code DATABASECHANGELOGLOCK} row. A process killed while holding
	 * it leaves it locked until someone runs {@code release-locks}.
	 */
	LIQUIBASE

}
