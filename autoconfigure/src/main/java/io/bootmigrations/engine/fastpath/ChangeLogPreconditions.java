package io.bootmigrations.engine.fastpath;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.precondition.Precondition;
import liquibase.precondition.core.PreconditionContainer;
import org.jspecify.annotations.Nullable;

/**
 * Changelog-level preconditions are evaluated on every run, whatever is applied, so a
 * changelog that has any never takes the fast path.
 */
public final class ChangeLogPreconditions {

	private ChangeLogPreconditions() {
	}

	/**
	 * Whether the changelog or any changelog it includes declares preconditions of its own.
	 * @param changeLog the parsed changelog
	 * @return whether there are changelog-level preconditions
	 */
	public static boolean present(DatabaseChangeLog changeLog) {
		Set<DatabaseChangeLog> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		if (declares(changeLog, seen)) {
			return true;
		}
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			DatabaseChangeLog owner = changeSet.getChangeLog();
			while (owner != null) {
				if (declares(owner, seen)) {
					return true;
				}
				owner = owner.getParentChangeLog();
			}
		}
		return false;
	}

	private static boolean declares(DatabaseChangeLog changeLog, Set<DatabaseChangeLog> seen) {
		if (!seen.add(changeLog)) {
			return false;
		}
		return declares(changeLog.getPreconditions());
	}

	private static boolean declares(@Nullable Precondition precondition) {
		if (precondition == null) {
			return false;
		}
		if (precondition instanceof PreconditionContainer container) {
			// Liquibase nests every included changelog's (usually empty) container in its parent's
			for (Precondition nested : container.getNestedPreconditions()) {
				if (declares(nested)) {
					return true;
				}
			}
			return false;
		}
		return true;
	}

}
