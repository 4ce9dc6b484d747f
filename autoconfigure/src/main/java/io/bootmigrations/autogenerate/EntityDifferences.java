package io.bootmigrations.autogenerate;

import java.util.List;

/**
 * How the JPA entities differ from the schema the changelog produces.
 *
 * @param differences each difference, for example
 * {@code column customer.email (varchar(255)): in the entities, not in the migrations}
 * @param changes the changes that remove them, in the order to apply them
 * @param renames dropped and added columns of the same type in one table, to review as
 * possible renames
 * @param notes what the comparison could not see (objects the changelog creates in other
 * schemas)
 */
public record EntityDifferences(List<String> differences, List<GeneratedChange> changes, List<String> renames,
		List<String> notes) {

	/**
	 * Whether the entities match the changelog.
	 * @return {@code true} if there is nothing to do
	 */
	public boolean isEmpty() {
		return this.differences.isEmpty() && this.changes.isEmpty();
	}

}
