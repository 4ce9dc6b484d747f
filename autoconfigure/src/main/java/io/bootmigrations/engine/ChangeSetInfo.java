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
 */
public record ChangeSetInfo(String id, String author, String file, @Nullable String description,
		@Nullable Instant executedAt, @Nullable String tag) {

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
