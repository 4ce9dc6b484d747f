package io.bootmigrations.engine;

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import org.jspecify.annotations.Nullable;

/**
 * Whether a changeset can be rolled back, as the downgrade command decides it, for other
 * packages (the lint) to ask the same question the same way.
 */
public final class Rollbacks {

	private Rollbacks() {
	}

	/**
	 * Why Liquibase could not roll the changeset back.
	 * @param changeSet the changeset
	 * @param database the database it would run on
	 * @return the reason, or {@code null} if it can be rolled back
	 */
	public static @Nullable String whyImpossible(ChangeSet changeSet, Database database) {
		return Plans.whyNoRollback(changeSet, database);
	}

}
