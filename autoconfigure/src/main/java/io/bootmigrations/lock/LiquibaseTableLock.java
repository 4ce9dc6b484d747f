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

import java.sql.Connection;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Liquibase's own lock, a row in {@code DATABASECHANGELOGLOCK}, for databases without a
 * native lock. Liquibase takes it itself; this lock only stands for it.
 */
public final class LiquibaseTableLock implements MigrationLock {

	@Override
	public String strategy() {
		return "liquibase-table";
	}

	@Override
	public boolean replacesLiquibaseLock() {
		return false;
	}

	@Override
	public Handle acquire(Connection connection, Duration timeout, WaitListener listener) {
		return () -> {
		};
	}

	@Override
	public @Nullable LockHolder holder(Connection connection) {
		return null;
	}

}
