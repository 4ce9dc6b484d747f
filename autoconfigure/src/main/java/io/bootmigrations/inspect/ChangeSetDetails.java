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

package io.bootmigrations.inspect;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One changeset as the changelog declares it and as the database records it, with the SQL
 * it runs and the SQL that rolls it back.
 *
 * @param file the changelog file
 * @param id the id
 * @param author the author
 * @param comment the changeset's comment, if any
 * @param labels the labels, empty if none
 * @param contexts the context expression, empty if none
 * @param applied whether the database records it as applied
 * @param executedAt when it was applied
 * @param tag the tag recorded on it
 * @param checksum its checksum computed from the changelog now
 * @param storedChecksum the checksum recorded when it was applied
 * @param sql the statements it runs, generated without running them
 * @param rollbackSql the statements that roll it back, empty if it cannot be rolled back
 * @param rollbackProblem why it cannot be rolled back, if it cannot
 */
public record ChangeSetDetails(String file, String id, String author, @Nullable String comment, String labels,
		String contexts, boolean applied, @Nullable Instant executedAt, @Nullable String tag, String checksum,
		@Nullable String storedChecksum, List<String> sql, List<String> rollbackSql, @Nullable String rollbackProblem) {

	public ChangeSetDetails {
		sql = List.copyOf(sql);
		rollbackSql = List.copyOf(rollbackSql);
	}

}
