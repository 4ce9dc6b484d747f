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

import org.jspecify.annotations.Nullable;

/**
 * Scratch space: the temporary databases in which the drift check and the rollback
 * verification replay the changelog.
 *
 * @since 0.1.0
 */
public class ScratchProperties {

	/**
	 * JDBC URL of a PostgreSQL database on a server where the user may create databases.
	 * The migration's own server when unset.
	 */
	private @Nullable String url;

	/**
	 * Login user of the scratch server.
	 */
	private @Nullable String username;

	/**
	 * Login password of the scratch server.
	 */
	private @Nullable String password;

	public @Nullable String getUrl() {
		return this.url;
	}

	public void setUrl(@Nullable String url) {
		this.url = url;
	}

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

}
