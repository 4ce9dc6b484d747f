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
	 * Whether the changelog or any changelog it includes declares preconditions of its
	 * own.
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
			// Liquibase nests every included changelog's (usually empty) container in its
			// parent's
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
