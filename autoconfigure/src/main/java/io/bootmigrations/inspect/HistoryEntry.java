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

import org.jspecify.annotations.Nullable;

/**
 * One row of {@code DATABASECHANGELOG}, in full.
 *
 * @param file the changelog file as recorded
 * @param id the id
 * @param author the author
 * @param executedAt when it was applied
 * @param orderExecuted its place in the execution order
 * @param execType how it was applied ({@code EXECUTED}, {@code MARK_RAN}, {@code RERAN},
 * ...)
 * @param deploymentId the deployment (one run of Liquibase) it was applied in
 * @param contexts the context expression recorded
 * @param labels the labels recorded
 * @param checksum the checksum recorded
 * @param tag the tag recorded on it
 * @param description Liquibase's description of its changes
 */
public record HistoryEntry(String file, String id, String author, @Nullable Instant executedAt,
		@Nullable Integer orderExecuted, @Nullable String execType, @Nullable String deploymentId,
		@Nullable String contexts, @Nullable String labels, @Nullable String checksum, @Nullable String tag,
		@Nullable String description) {

}
