package io.bootmigrations.engine;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import liquibase.Liquibase;
import liquibase.change.Change;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.Database;
import liquibase.exception.RollbackImpossibleException;
import liquibase.exception.ValidationFailedException;
import liquibase.lockservice.StandardLockService;
import liquibase.snapshot.SnapshotGeneratorFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationEngine.Session;
import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.RevisionTarget.Direction;

/**
 * The operator commands (upgrade, downgrade, their SQL, tag, baseline, validate and the
 * repair tools), run through the engine's sessions so that the lock, the status snapshot
 * and the failure reports are the engine's.
 * <p>
 * Commands refuse what they cannot do before they change anything: an unknown tag, a
 * count beyond what exists, a changeset without a rollback in a downgrade's range. Such a
 * refusal is a {@link Kind#REFUSED} failure and leaves the status as it was.
 */
final class MigrationCommands {

	private final MigrationEngine engine;

	MigrationCommands(MigrationEngine engine) {
		this.engine = engine;
	}

	RunReport upgrade(RevisionTarget target) {
		requireDirection(target, Direction.UPGRADE);
		this.engine.inspect((session) -> checkUpgrade(session, target));
		return this.engine.run("upgrade", (session, tracker) -> {
			List<ChangeSet> toRun = checkUpgrade(session, target);
			HistoryColumns.check(session.database(), toRun);
			tracker.start(toRun.size());
			Liquibase liquibase = session.liquibase();
			switch (target.kind()) {
				case HEAD -> liquibase.update(session.contexts(), session.labels());
				case COUNT -> liquibase.update(target.count(), session.contexts(), session.labels());
				case TAG -> liquibase.update(target.tag(), session.contexts(), session.labels());
				default -> throw new IllegalStateException("Not an upgrade target: " + target);
			}
			return tracker.applied();
		}, target.kind() != RevisionTarget.Kind.COUNT);
	}

	String upgradeSql(RevisionTarget target) {
		requireDirection(target, Direction.UPGRADE);
		return this.engine.preview((session) -> {
			checkUpgrade(session, target);
			StringWriter sql = new StringWriter();
			Liquibase liquibase = session.liquibase();
			switch (target.kind()) {
				case HEAD -> liquibase.update(session.contexts(), session.labels(), sql);
				case COUNT -> liquibase.update(target.count(), session.contexts(), session.labels(), sql);
				case TAG -> liquibase.update(target.tag(), session.contexts(), session.labels(), sql);
				default -> throw new IllegalStateException("Not an upgrade target: " + target);
			}
			return sql.toString();
		});
	}

	RunReport downgrade(RevisionTarget target) {
		requireDirection(target, Direction.DOWNGRADE);
		this.engine.inspect((session) -> rollbackPlan(session, target));
		return this.engine.run("downgrade", (session, tracker) -> {
			List<ChangeSetInfo> plan = rollbackPlan(session, target);
			tracker.start(plan.size());
			if (plan.isEmpty()) {
				return 0;
			}
			int before = this.engine.readApplied(session.connection()).size();
			rollback(session, target, plan, null);
			return before - this.engine.readApplied(session.connection()).size();
		});
	}

	String downgradeSql(RevisionTarget target) {
		requireDirection(target, Direction.DOWNGRADE);
		return this.engine.preview((session) -> {
			List<ChangeSetInfo> plan = rollbackPlan(session, target);
			StringWriter sql = new StringWriter();
			if (!plan.isEmpty()) {
				rollback(session, target, plan, sql);
			}
			return sql.toString();
		});
	}

	RunReport tag(String tag) {
		if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
			throw refused(null, "Invalid tag name '" + tag + "'", "Give a tag name without spaces, for example 2.3.0.");
		}
		this.engine.inspect((session) -> {
			checkTaggable(session, tag);
			return null;
		});
		return this.engine.run("tag", (session, tracker) -> {
			checkTaggable(session, tag);
			session.liquibase().tag(tag);
			return 0;
		});
	}

	RunReport baseline(RevisionTarget target) {
		if (target.kind() != RevisionTarget.Kind.HEAD && target.kind() != RevisionTarget.Kind.TAG) {
			throw refused(null, "Invalid baseline target '" + target + "'",
					"A baseline records every changeset (head) or the changesets up to a tag of the changelog.");
		}
		this.engine.inspect((session) -> checkUpgrade(session, target));
		return this.engine.run("baseline", (session, tracker) -> {
			List<ChangeSet> toRecord = checkUpgrade(session, target);
			tracker.start(toRecord.size());
			int before = this.engine.readApplied(session.connection()).size();
			if (target.kind() == RevisionTarget.Kind.TAG) {
				session.liquibase().changeLogSync(target.tag(), session.contexts(), session.labels());
			}
			else {
				session.liquibase().changeLogSync(session.contexts(), session.labels());
			}
			return this.engine.readApplied(session.connection()).size() - before;
		});
	}

	ValidationResult validate() {
		List<String> mismatches = this.engine.inspect((session) -> {
			try {
				// the changelog's own validation, not Liquibase's validate command: a read-only
				// check must not create DATABASECHANGELOG or take the lock
				session.changeLog().validate(session.database(), session.contexts(), session.labels());
				return List.<String>of();
			}
			catch (Exception ex) {
				ValidationFailedException validation = Failures.find(ex, ValidationFailedException.class);
				List<String> invalid = (validation != null) ? validation.getInvalidMD5Sums() : List.of();
				if (invalid.isEmpty()) {
					throw ex;
				}
				return List.copyOf(invalid);
			}
		});
		return new ValidationResult(this.engine.refresh(), mismatches);
	}

	RunReport clearChecksums() {
		return this.engine.run("clear-checksums", (session, tracker) -> {
			session.liquibase().clearCheckSums();
			return 0;
		});
	}

	RunReport releaseLocks() {
		return this.engine.run("release-locks", (session, tracker) -> {
			// Liquibase's own lock row, left by an older setup or by the 'liquibase' lock
			// strategy; the engine's database lock needs no repair (the server frees it).
			// Bypass the session lock service, which stands in for this table while the
			// engine holds its own lock.
			StandardLockService tableLock = new StandardLockService();
			tableLock.setDatabase(session.database());
			if (SnapshotGeneratorFactory.getInstance().hasDatabaseChangeLogLockTable(session.database())) {
				tableLock.forceReleaseLock();
			}
			return 0;
		});
	}

	private void requireDirection(RevisionTarget target, Direction direction) {
		boolean fits = (direction == Direction.UPGRADE) ? target.kind() != RevisionTarget.Kind.BASE
				&& target.kind() != RevisionTarget.Kind.DATE : target.kind() != RevisionTarget.Kind.HEAD;
		if (!fits) {
			throw refused(null, "Invalid " + direction.name().toLowerCase(java.util.Locale.ROOT) + " target '" + target
					+ "'",
					(direction == Direction.UPGRADE) ? "An upgrade goes to head, +N or a tag name."
							: "A downgrade goes to -N, a tag name, date:<ISO-8601> or base.");
		}
	}

	/**
	 * The changesets an upgrade (or a baseline) to the target would apply, after checking
	 * that the target exists.
	 */
	private List<ChangeSet> checkUpgrade(Session session, RevisionTarget target) throws Exception {
		DatabaseChangeLog changeLog = session.changeLog();
		List<ChangeSetInfo> applied = this.engine.readApplied(session.connection());
		Set<String> appliedKeys = new LinkedHashSet<>();
		applied.forEach((changeSet) -> appliedKeys.add(ChangeLogModel.key(changeSet)));
		List<ChangeSetInfo> expected = session.model().pending(List.of());
		Set<String> expectedKeys = new LinkedHashSet<>();
		expected.forEach((changeSet) -> expectedKeys.add(ChangeLogModel.key(changeSet)));
		List<ChangeSet> pending = new ArrayList<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			String key = key(changeSet);
			if (expectedKeys.contains(key) && !appliedKeys.contains(key)) {
				pending.add(changeSet);
			}
		}
		switch (target.kind()) {
			case COUNT -> {
				if (target.count() > pending.size()) {
					throw refused(null, "Cannot upgrade +" + target.count() + ": " + pending.size()
							+ " changeset" + ((pending.size() == 1) ? " is" : "s are") + " pending",
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
				throw refused(null, "Unknown tag '" + tag + "': no pending changeset of the changelog tags the "
						+ "database with it and no applied changeset carries it",
						"Use a tag of the changelog (" + describeTags(changeLog, applied) + ") or head.");
			}
			default -> {
				return pending;
			}
		}
	}

	/**
	 * The applied changesets a downgrade to the target would roll back, newest first,
	 * after checking that each of them can be rolled back.
	 */
	private List<ChangeSetInfo> rollbackPlan(Session session, RevisionTarget target) throws Exception {
		DatabaseChangeLog changeLog = session.changeLog();
		List<ChangeSetInfo> applied = this.engine.readApplied(session.connection());
		List<ChangeSetInfo> plan = switch (target.kind()) {
			case BASE -> applied;
			case COUNT -> {
				if (target.count() > applied.size()) {
					throw refused(null, "Cannot downgrade -" + target.count() + ": only " + applied.size()
							+ " changeset" + ((applied.size() == 1) ? " is" : "s are") + " applied",
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
					throw refused(null, "Unknown tag '" + target.tag() + "': no applied changeset carries it",
							"Use a tag recorded in the database (" + describeTags(null, applied)
									+ "), -N, date:<ISO-8601> or base.");
				}
				// Unlike Liquibase's rollback <tag>, which also rolls back the tagDatabase changeset that
				// recorded the tag: like Alembic's downgrade <rev>, the tag stays applied and current.
				yield applied.subList(tagged + 1, applied.size());
			}
			case DATE -> applied.stream()
				.filter((changeSet) -> changeSet.executedAt() != null
						&& changeSet.executedAt().toEpochMilli() > target.date().toEpochMilli())
				.toList();
			default -> throw new IllegalStateException("Not a downgrade target: " + target);
		};
		List<ChangeSetInfo> newestFirst = new ArrayList<>(plan);
		Collections.reverse(newestFirst);
		Map<String, ChangeSet> byKey = new HashMap<>();
		changeLog.getChangeSets().forEach((changeSet) -> byKey.put(key(changeSet), changeSet));
		for (ChangeSetInfo info : newestFirst) {
			ChangeSet changeSet = byKey.get(ChangeLogModel.key(info));
			if (changeSet == null) {
				throw refused(info, "Changeset " + info.identifier()
						+ " is recorded as applied but is not in this changelog, so it cannot be rolled back. "
						+ "Nothing was rolled back.",
						"Downgrade with the build whose changelog contains it, or to a point after it.");
			}
			String impossible = whyNoRollback(changeSet, session.database());
			if (impossible != null) {
				throw refused(info, "Changeset " + info.identifier() + " cannot be rolled back: " + impossible
						+ ". Nothing was rolled back.",
						"Add a rollback block to the changeset (an empty one if nothing needs undoing), or "
								+ "downgrade to a point after it.");
			}
		}
		return newestFirst;
	}

	private void rollback(Session session, RevisionTarget target, List<ChangeSetInfo> plan, @Nullable StringWriter sql)
			throws Exception {
		Liquibase liquibase = session.liquibase();
		switch (target.kind()) {
			case BASE, COUNT, TAG -> {
				// a tag too goes by count: the plan keeps the changeset that recorded it
				if (sql != null) {
					liquibase.rollback(plan.size(), null, session.contexts(), session.labels(), sql);
				}
				else {
					liquibase.rollback(plan.size(), null, session.contexts(), session.labels());
				}
			}
			case DATE -> {
				Date date = Date.from(target.date());
				if (sql != null) {
					liquibase.rollback(date, null, session.contexts(), session.labels(), sql);
				}
				else {
					liquibase.rollback(date, null, session.contexts(), session.labels());
				}
			}
			default -> throw new IllegalStateException("Not a downgrade target: " + target);
		}
	}

	/**
	 * Why Liquibase could not roll the changeset back, mirroring
	 * {@code ChangeSet.rollback}: a rollback block always works; otherwise every change
	 * must generate its inverse.
	 */
	static @Nullable String whyNoRollback(ChangeSet changeSet, Database database) {
		if (changeSet.hasCustomRollbackChanges() || changeSet.getRollback().getChanges() == null) {
			return null;
		}
		for (Change change : changeSet.getChanges()) {
			String name = change.getSerializedObjectName();
			if (change instanceof RawSQLChange
					&& changeSet.getFilePath().toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) {
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

	private void checkTaggable(Session session, String tag) throws Exception {
		List<ChangeSetInfo> applied = this.engine.readApplied(session.connection());
		if (applied.isEmpty()) {
			throw refused(null, "Cannot tag '" + tag + "': no changeset is applied",
					"Upgrade first; a tag marks the last applied changeset.");
		}
	}

	private static @Nullable String tagOf(ChangeSet changeSet) {
		for (Change change : changeSet.getChanges()) {
			if (change instanceof TagDatabaseChange tagChange) {
				return tagChange.getTag();
			}
		}
		return null;
	}

	private static String describeTags(@Nullable DatabaseChangeLog changeLog, List<ChangeSetInfo> applied) {
		Set<String> tags = new LinkedHashSet<>();
		applied.forEach((changeSet) -> {
			if (changeSet.tag() != null) {
				tags.add(changeSet.tag());
			}
		});
		if (changeLog != null) {
			changeLog.getChangeSets().forEach((changeSet) -> {
				String tag = tagOf(changeSet);
				if (tag != null) {
					tags.add(tag);
				}
			});
		}
		return tags.isEmpty() ? "there are none" : "known: " + String.join(", ", tags);
	}

	private static String key(ChangeSet changeSet) {
		return ChangeLogModel.key(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor());
	}

	private MigrationException refused(@Nullable ChangeSetInfo changeSet, String message, String action) {
		String file = (changeSet != null) ? changeSet.file() : this.engine.settings().changeLog();
		return new MigrationException(new MigrationFailure(Kind.REFUSED, changeSet, file, message, action), null);
	}

}
