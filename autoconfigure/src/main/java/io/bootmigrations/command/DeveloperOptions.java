package io.bootmigrations.command;

import org.jspecify.annotations.Nullable;

/**
 * Options of the developer's commands ({@code revision}, {@code history --verbose}).
 *
 * @param message the revision's message ({@code migrations.message})
 * @param verbose whether history shows every recorded column ({@code migrations.verbose})
 * @param autogenerate whether the revision is filled from the JPA entities
 * ({@code migrations.autogenerate})
 * @param revisionDirectory where the revision is written
 * ({@code migrations.revision.directory})
 * @param revisionAuthor the revision's author ({@code migrations.revision.author})
 */
public record DeveloperOptions(@Nullable String message, boolean verbose, boolean autogenerate,
		@Nullable String revisionDirectory, @Nullable String revisionAuthor) {

	/** No developer options given. */
	public static final DeveloperOptions NONE = new DeveloperOptions(null, false, false, null, null);

}
