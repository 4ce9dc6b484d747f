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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Who holds a migration lock, as the database reports it. Never carries credentials.
 *
 * @param session the database's id of the holding session (backend pid, connection id)
 * @param application the holder's application name, if the database knows it
 * @param client the holder's client address or host, if known
 * @param since since when the holding session exists or has held the lock, if known
 */
public record LockHolder(String session, @Nullable String application, @Nullable String client,
		@Nullable Instant since) {

	/**
	 * A one-line description for logs and the status.
	 * @return the description
	 */
	public String describe() {
		StringBuilder text = new StringBuilder("session ").append(this.session);
		if (this.application != null && !this.application.isBlank()) {
			text.append(" of '").append(this.application).append('\'');
		}
		if (this.client != null && !this.client.isBlank()) {
			text.append(" from ").append(this.client);
		}
		if (this.since != null) {
			text.append(" (connected since ").append(this.since).append(')');
		}
		return text.toString();
	}

}
