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
import java.util.concurrent.Callable;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.visitor.ChangeExecListener;
import liquibase.changelog.visitor.DefaultChangeExecListener;
import liquibase.database.Database;

/**
 * One writing run as a {@link RunInterceptor} sees it.
 */
public final class RunContext {

	private final String operation;

	private final boolean retryable;

	private final Connection connection;

	private final Database database;

	private final Callable<List<ChangeSet>> pending;

	private final DefaultChangeExecListener listeners;

	RunContext(String operation, boolean retryable, Connection connection, Database database,
			Callable<List<ChangeSet>> pending, DefaultChangeExecListener listeners) {
		this.operation = operation;
		this.retryable = retryable;
		this.connection = connection;
		this.database = database;
		this.pending = pending;
		this.listeners = listeners;
	}

	/**
	 * The operation: {@code update} on boot, {@code upgrade}, {@code downgrade}, ...
	 * @return the operation
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Whether the work may run again after it failed: it applies changesets forward and
	 * goes as far as it can (to head or a tag), so a second run resumes where the first
	 * stopped. Not for {@code upgrade +N}, which would overshoot.
	 * @return whether a retry is safe
	 */
	public boolean retryable() {
		return this.retryable;
	}

	/**
	 * The migration connection, which holds the migration lock.
	 * @return the connection
	 */
	public Connection connection() {
		return this.connection;
	}

	/**
	 * Liquibase's view of the database.
	 * @return the database
	 */
	public Database database() {
		return this.database;
	}

	/**
	 * The changesets not applied yet that match the contexts, labels and database, in
	 * changelog order, read now.
	 * @return the pending changesets
	 * @throws Exception if the changelog or the database cannot be read
	 */
	public List<ChangeSet> pending() throws Exception {
		return this.pending.call();
	}

	/**
	 * Follow every changeset and change the work runs.
	 * @param listener the listener, called on the migration thread
	 */
	public void addListener(ChangeExecListener listener) {
		this.listeners.addListener(listener);
	}

}
