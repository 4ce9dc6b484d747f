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
 * @param execType how it was applied ({@code EXECUTED}, {@code MARK_RAN}, {@code RERAN}, ...)
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
