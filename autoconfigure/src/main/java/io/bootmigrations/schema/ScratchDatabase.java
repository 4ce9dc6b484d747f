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

package io.bootmigrations.schema;

import javax.sql.DataSource;

/**
 * A temporary database made by a {@link ScratchSpace}: dropped when closed, or when the
 * JVM shuts down while it is still open.
 */
public final class ScratchDatabase implements AutoCloseable {

	private final ScratchSpace space;

	private final String name;

	private final DataSource dataSource;

	private final String jdbcUrl;

	private final Thread shutdownHook;

	private boolean closed;

	ScratchDatabase(ScratchSpace space, String name, DataSource dataSource, String jdbcUrl) {
		this.space = space;
		this.name = name;
		this.dataSource = dataSource;
		this.jdbcUrl = jdbcUrl;
		this.shutdownHook = new Thread(() -> space.drop(name), "scratch-drop-" + name);
		Runtime.getRuntime().addShutdownHook(this.shutdownHook);
	}

	/**
	 * The database's name.
	 * @return the name
	 */
	public String name() {
		return this.name;
	}

	/**
	 * Connections to the database, with the credentials of the scratch space's server.
	 * @return the data source
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * The database's JDBC URL: the server's URL with this database's name, so with
	 * whatever credentials the server's URL carries. Never print it.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return this.jdbcUrl;
	}

	/**
	 * Drop the database, closing whatever connections are still open to it.
	 */
	@Override
	public synchronized void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		try {
			Runtime.getRuntime().removeShutdownHook(this.shutdownHook);
		}
		catch (IllegalStateException ex) {
			// shutting down: the hook drops it
			return;
		}
		this.space.drop(this.name);
	}

}
