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

import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.DatabaseConnection;
import liquibase.database.jvm.JdbcConnection;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

/**
 * Replaces Liquibase's {@code DATABASECHANGELOGLOCK} row while the engine holds a
 * database-native {@link MigrationLock} on the same connection: Liquibase's own locking
 * then succeeds at once and never creates or touches the lock table.
 * <p>
 * Liquibase finds it through {@code META-INF/services}; it only
 * {@linkplain #supports(Database) supports} a database whose connection is the one the
 * engine has marked as locked in the current {@link Scope} ({@link #HELD_CONNECTION}), so
 * any other Liquibase use in the same JVM keeps the standard lock.
 */
public final class SessionLockService implements LockService {

	/**
	 * The {@link Scope} key under which the engine puts the JDBC {@link Connection} on
	 * which it holds a database-native lock.
	 */
	public static final String HELD_CONNECTION = "io.bootmigrations.lock.heldConnection";

	private boolean hasLock;

	@Override
	public int getPriority() {
		return PRIORITY_DATABASE + 100;
	}

	@Override
	public boolean supports(Database database) {
		Object held = Scope.getCurrentScope().get(HELD_CONNECTION, Object.class);
		if (held == null) {
			return false;
		}
		DatabaseConnection connection = database.getConnection();
		return connection instanceof JdbcConnection jdbc && jdbc.getUnderlyingConnection() == held;
	}

	@Override
	public void setDatabase(Database database) {
	}

	@Override
	public void setChangeLogLockWaitTime(long changeLogLockWaitTime) {
	}

	@Override
	public void setChangeLogLockRecheckTime(long changeLogLockRecheckTime) {
	}

	@Override
	public boolean hasChangeLogLock() {
		return this.hasLock;
	}

	@Override
	public void waitForLock() {
		this.hasLock = true;
	}

	@Override
	public boolean acquireLock() {
		this.hasLock = true;
		return true;
	}

	@Override
	public void releaseLock() {
		this.hasLock = false;
	}

	@Override
	public DatabaseChangeLogLock[] listLocks() {
		return new DatabaseChangeLogLock[0];
	}

	@Override
	public void forceReleaseLock() {
		this.hasLock = false;
	}

	@Override
	public void reset() {
		this.hasLock = false;
	}

	@Override
	public void init() {
	}

	@Override
	public void destroy() {
	}

}
