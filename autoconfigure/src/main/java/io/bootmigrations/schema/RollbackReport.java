package io.bootmigrations.schema;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the rollback verification found.
 *
 * @param verified how many changesets were applied, rolled back and applied again with
 * the schema restored
 * @param changeSet the first changeset whose rollback is missing, fails or leaves a
 * difference ({@code file::id::author}), {@code null} if every rollback restores the
 * schema
 * @param problem {@code missing-rollback}, {@code failed-rollback}, {@code leaky-rollback}
 * or {@code failed-reapply}; {@code null} if none
 * @param details what is wrong: the differences
 * ({@code leaky-rollback: column t_0001.extra remains}) or the error
 * @param notes what limits the check (changesets that hard-code another schema)
 */
public record RollbackReport(int verified, @Nullable String changeSet, @Nullable String problem,
		List<String> details, List<String> notes) {

	/**
	 * Whether every rollback restores the schema.
	 * @return {@code true} if no changeset failed the check
	 */
	public boolean isClean() {
		return this.changeSet == null;
	}

}
