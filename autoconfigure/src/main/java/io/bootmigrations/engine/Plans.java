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

package io.bootmigrations.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.RevisionTarget.Direction;

/**
 * What the operations plan, as functions of the changelog and the history: which
 * changesets an upgrade or a baseline reaches, which a downgrade rolls back, and why a
 * changeset cannot be rolled back. A refusal is a {@link Kind#REFUSED} failure thrown
 * before anything changes. Pure: tested without a database.
 */
final class Plans {

	private Plans() {
	}

	/**
	 * Refuse a target that goes the other way.
	 */
	static void requireDirection(RevisionTarget target, Direction direction, String changeLog) {
		String misfit = target.misfit(direction);
		if (misfit != null) {
			throw refused(null, changeLog, misfit,
					(direction == Direction.UPGRADE) ? "An upgrade goes to head, +N or a tag name."
							: "A downgrade goes to -N, a tag name, date:<ISO-8601> or base.");
		}
	}

	/**
	 * The pending changesets an upgrade (or a baseline) to the target reaches.
	 * @param changeLog every changeset of the changelog, in changelog order
	 * @param expected the changesets that match the contexts, labels and database
	 * @param applied the history
	 * @param target head, +N or a tag
	 * @param master the master changelog, for the failure
	 */
	static List<ChangeSet> upgrade(List<ChangeSet> changeLog, List<ChangeSetInfo> expected, List<ChangeSetInfo> applied,
			RevisionTarget target, String master) {
		Set<String> appliedKeys = new LinkedHashSet<>();
		applied.forEach((changeSet) -> appliedKeys.add(ChangeLogModel.key(changeSet)));
		Set<String> expectedKeys = new LinkedHashSet<>();
		expected.forEach((changeSet) -> expectedKeys.add(ChangeLogModel.key(changeSet)));
		List<ChangeSet> pending = new ArrayList<>();
		for (ChangeSet changeSet : changeLog) {
			String key = key(changeSet);
			if (expectedKeys.contains(key) && !appliedKeys.contains(key)) {
				pending.add(changeSet);
			}
		}
		switch (target.kind()) {
			case COUNT -> {
				if (target.count() > pending.size()) {
					throw refused(null, master,
							"Cannot upgrade +" + target.count() + ": " + pending.size() + " changeset"
									+ ((pending.size() == 1) ? " is" : "s are") + " pending",
							"Upgrade to head, or by at most " + pending.size() + ".");
				}
				return pending.subList(0, target.count());
			}
			case TAG -> {
				String tag = target.tag();
				if (applied.stream().anyMatch((changeSet) -> tag.equalsIgnoreCase(changeSet.tag()))) {
					return List.of();
				}
				for (int i = 0; i < pending.size(); i++) {
					if (tag.equals(tagOf(pending.get(i)))) {
						return pending.subList(0, i + 1);
					}
				}
				throw refused(null, master,
						"Unknown tag '" + tag + "': no pending changeset of the changelog tags "
								+ "the database with it and no applied changeset carries it",
						"Use a tag of the changelog (" + describeTags(changeLog, applied) + ") or head.");
			}
			default -> {
				return pending;
			}
		}
	}

	/**
	 * The applied changesets a downgrade to the target rolls back, newest first, after
	 * checking that each is in the changelog and can be rolled back.
	 * @param changeLog every changeset of the changelog
	 * @param applied the history, in execution order
	 * @param target base, -N, a tag or a date
	 * @param database Liquibase's view of the database, to ask whether a change has an
	 * inverse
	 * @param master the master changelog, for the failure
	 */
	static List<ChangeSetInfo> downgrade(List<ChangeSet> changeLog, List<ChangeSetInfo> applied, RevisionTarget target,
			Database database, String master) {
		List<ChangeSetInfo> newestFirst = new ArrayList<>(rollbackRange(applied, target, master));
		Collections.reverse(newestFirst);
		Map<String, ChangeSet> byKey = new HashMap<>();
		changeLog.forEach((changeSet) -> byKey.put(key(changeSet), changeSet));
		for (ChangeSetInfo info : newestFirst) {
			ChangeSet changeSet = byKey.get(ChangeLogModel.key(info));
			if (changeSet == null) {
				throw refused(info, master,
						"Changeset " + info.identifier()
								+ " is recorded as applied but is not in this changelog, so it cannot be rolled back. "
								+ "Nothing was rolled back.",
						"Downgrade with the build whose changelog contains it, or to a point after it.");
			}
			String impossible = whyNoRollback(changeSet, database);
			if (impossible != null) {
				throw refused(info, master,
						"Changeset " + info.identifier() + " cannot be rolled back: " + impossible
								+ ". Nothing was rolled back.",
						"Add a rollback block to the changeset (an empty one if nothing needs undoing), or "
								+ "downgrade to a point after it.");
			}
		}
		return newestFirst;
	}

	/**
	 * The applied changesets (in execution order) that a downgrade to the target leaves
	 * behind it.
	 */
	static List<ChangeSetInfo> rollbackRange(List<ChangeSetInfo> applied, RevisionTarget target, String master) {
		return switch (target.kind()) {
			case BASE -> applied;
			case COUNT -> {
				if (target.count() > applied.size()) {
					throw refused(null, master,
							"Cannot downgrade -" + target.count() + ": only " + applied.size() + " changeset"
									+ ((applied.size() == 1) ? " is" : "s are") + " applied",
							"Downgrade by at most " + applied.size() + ", or to base to roll back everything.");
				}
				yield applied.subList(applied.size() - target.count(), applied.size());
			}
			case TAG -> {
				int tagged = -1;
				for (int i = applied.size() - 1; i >= 0 && tagged < 0; i--) {
					if (target.tag().equalsIgnoreCase(applied.get(i).tag())) {
						tagged = i;
					}
				}
				if (tagged < 0) {
					throw refused(null, master, "Unknown tag '" + target.tag() + "': no applied changeset carries it",
							"Use a tag recorded in the database (" + describeTags(List.of(), applied)
									+ "), -N, date:<ISO-8601> or base.");
				}
				// Unlike Liquibase's rollback <tag>, which also rolls back the
				// tagDatabase changeset that
				// recorded the tag: like Alembic's downgrade <rev>, the tag stays applied
				// and current.
				yield applied.subList(tagged + 1, applied.size());
			}
			case DATE -> applied.stream()
				.filter((changeSet) -> changeSet.executedAt() != null
						&& changeSet.executedAt().toEpochMilli() > target.date().toEpochMilli())
				.toList();
			default -> throw new IllegalStateException("Not a downgrade target: " + target);
		};
	}

	/**
	 * Why Liquibase could not roll the changeset back, mirroring
	 * {@code ChangeSet.rollback}: a rollback block always works; otherwise every change
	 * must generate its inverse.
	 * @return the reason, or {@code null} if it can be rolled back
	 */
	static @Nullable String whyNoRollback(ChangeSet changeSet, Database database) {
		if (changeSet.hasCustomRollbackChanges() || changeSet.getRollback().getChanges() == null) {
			return null;
		}
		for (Change change : changeSet.getChanges()) {
			String name = change.getSerializedObjectName();
			if (change instanceof RawSQLChange && changeSet.getFilePath().toLowerCase(Locale.ROOT).endsWith(".sql")) {
				return "it is raw SQL without a rollback";
			}
			if (!change.supportsRollback(database)) {
				return "its " + name + " change has no automatic rollback and the changeset declares none";
			}
			try {
				change.generateRollbackStatements(database);
			}
			catch (RollbackImpossibleException ex) {
				return "its " + name + " change cannot be rolled back (" + ex.getMessage() + ")";
			}
		}
		return null;
	}

	static @Nullable String tagOf(ChangeSet changeSet) {
		for (Change change : changeSet.getChanges()) {
			if (change instanceof TagDatabaseChange tagChange) {
				return tagChange.getTag();
			}
		}
		return null;
	}

	static String describeTags(List<ChangeSet> changeLog, List<ChangeSetInfo> applied) {
		Set<String> tags = new LinkedHashSet<>();
		applied.forEach((changeSet) -> {
			if (changeSet.tag() != null) {
				tags.add(changeSet.tag());
			}
		});
		changeLog.forEach((changeSet) -> {
			String tag = tagOf(changeSet);
			if (tag != null) {
				tags.add(tag);
			}
		});
		return tags.isEmpty() ? "there are none" : "known: " + String.join(", ", tags);
	}

	static String key(ChangeSet changeSet) {
		return ChangeLogModel.key(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
	}

	/**
	 * A refusal: nothing was changed.
	 */
	static MigrationException refused(@Nullable ChangeSetInfo changeSet, String changeLog, String message,
			String action) {
		String file = (changeSet != null) ? changeSet.file() : changeLog;
		return new MigrationException(new MigrationFailure(Kind.REFUSED, changeSet, file, message, action), null);
	}

}
