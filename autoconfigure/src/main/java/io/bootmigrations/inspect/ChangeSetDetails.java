package io.bootmigrations.inspect;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One changeset as the changelog declares it and as the database records it, with the
 * SQL it runs and the SQL that rolls it back.
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
		@Nullable String storedChecksum, List<String> sql, List<String> rollbackSql,
		@Nullable String rollbackProblem) {

	public ChangeSetDetails {
		sql = List.copyOf(sql);
		rollbackSql = List.copyOf(rollbackSql);
	}

}
