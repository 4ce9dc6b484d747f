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

package io.bootmigrations.engine.fastpath;

import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A read of {@code DATABASECHANGELOG} under way on a short-lived thread of its own, so
 * that the fast path's check overlaps the database's work with the boot thread's lookups
 * and file hashing. Only the read runs there: resolving resources stays on the boot
 * thread, whose context class loader sees what the application sees. The connection
 * belongs to the reader until {@link #await()} returns.
 */
final class HistoryRead {

	private final FutureTask<ChangeLogHistory> task;

	private final Thread thread;

	private HistoryRead(Connection connection, String table) {
		this.task = new FutureTask<>(() -> ChangeLogHistory.read(connection, table));
		this.thread = new Thread(this.task, "migrations-fast-path-history");
		this.thread.setDaemon(true);
	}

	/**
	 * Start reading.
	 * @param connection the connection, not to be used by anyone else until
	 * {@link #await()} returns
	 * @param table the changelog table, schema-qualified where needed
	 * @return the read under way
	 */
	static HistoryRead start(Connection connection, String table) {
		HistoryRead read = new HistoryRead(connection, table);
		read.thread.start();
		return read;
	}

	/**
	 * Wait until the reader no longer uses the connection, even when interrupted (the
	 * interrupt is kept for the caller).
	 */
	void await() {
		boolean interrupted = false;
		while (this.thread.isAlive()) {
			try {
				this.thread.join();
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The history read, after {@link #await()}.
	 * @return the history
	 * @throws Exception what the read threw
	 */
	ChangeLogHistory history() throws Exception {
		try {
			return this.task.get();
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof Exception cause) ? cause : ex;
		}
	}

}
