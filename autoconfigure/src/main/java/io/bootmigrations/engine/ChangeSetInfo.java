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

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One changeset, as the changelog declares it or as {@code DATABASECHANGELOG} records it.
 *
 * @param id the changeset id
 * @param author the changeset author
 * @param file the changelog file path the changeset is identified by
 * @param description Liquibase's description of the changes, if known
 * @param executedAt when it was applied, for applied changesets
 * @param tag the tag recorded on it, if any
 * @param execType how {@code DATABASECHANGELOG} records it was applied ({@code EXECUTED},
 * {@code RERAN}, {@code MARK_RAN}, ...), for applied changesets
 */
public record ChangeSetInfo(String id, String author, String file, @Nullable String description,
		@Nullable Instant executedAt, @Nullable String tag, @Nullable String execType) {

	/**
	 * A changeset without a recorded exec type: as the changelog declares it, or applied
	 * where the exec type does not matter.
	 * @param id the changeset id
	 * @param author the changeset author
	 * @param file the changelog file path the changeset is identified by
	 * @param description Liquibase's description of the changes, if known
	 * @param executedAt when it was applied, for applied changesets
	 * @param tag the tag recorded on it, if any
	 */
	public ChangeSetInfo(String id, String author, String file, @Nullable String description,
			@Nullable Instant executedAt, @Nullable String tag) {
		this(id, author, file, description, executedAt, tag, null);
	}

	/**
	 * Whether the changeset's changes ran on the database: exec type {@code EXECUTED} or
	 * {@code RERAN}, or none recorded; not {@code MARK_RAN} (recorded as applied without
	 * running), {@code SKIPPED} or {@code FAILED}.
	 * @return whether its changes ran
	 */
	public boolean changesRan() {
		return this.execType == null || "EXECUTED".equals(this.execType) || "RERAN".equals(this.execType);
	}

	/**
	 * The identifier Liquibase uses in its messages: {@code file::id::author}.
	 * @return the identifier
	 */
	public String identifier() {
		return this.file + "::" + this.id + "::" + this.author;
	}

	@Override
	public String toString() {
		return identifier();
	}

}
