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

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import liquibase.change.ColumnConfig;
import liquibase.change.core.CreateTableChange;
import liquibase.change.core.RawSQLChange;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.database.core.PostgresDatabase;
import org.junit.jupiter.api.Test;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.RevisionTarget.Direction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Plans}: what upgrades, downgrades and baselines plan, and what they
 * refuse before anything changes; no database.
 */
class PlansTests {

	private static final String MASTER = "db/changelog.xml";

	private final DatabaseChangeLog changeLog = new DatabaseChangeLog(MASTER);

	private final ChangeSet one = table("1");

	private final ChangeSet two = table("2");

	private final ChangeSet tagged = tag("3", "v1");

	private final ChangeSet four = table("4");

	private final List<ChangeSet> all = List.of(this.one, this.two, this.tagged, this.four);

	@Test
	void upgradeToHeadPlansEveryPendingChangeSetInChangeLogOrder() {
		assertThat(upgrade(RevisionTarget.HEAD, applied(this.one))).containsExactly(this.two, this.tagged, this.four);
	}

	@Test
	void upgradeByCountPlansTheNextChangeSetsAndRefusesMoreThanPending() {
		assertThat(upgrade(RevisionTarget.count(2), applied(this.one))).containsExactly(this.two, this.tagged);
		assertThat(refusal(() -> upgrade(RevisionTarget.count(4), applied(this.one))).message())
			.isEqualTo("Cannot upgrade +4: 3 changesets are pending");
	}

	@Test
	void upgradeToTagPlansUpToTheChangeSetThatTagsAndNothingOnceItIsApplied() {
		assertThat(upgrade(RevisionTarget.tag("v1"), List.of())).containsExactly(this.one, this.two, this.tagged);
		List<ChangeSetInfo> upToTag = applied(this.one, this.two, this.tagged);
		upToTag.set(2, withTag(upToTag.get(2), "v1"));
		assertThat(upgrade(RevisionTarget.tag("v1"), upToTag)).isEmpty();
	}

	@Test
	void upgradeToUnknownTagIsRefusedNamingTheKnownTags() {
		MigrationFailure failure = refusal(() -> upgrade(RevisionTarget.tag("v9"), List.of()));
		assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
		assertThat(failure.message()).startsWith("Unknown tag 'v9'");
		assertThat(failure.action()).contains("known: v1");
	}

	@Test
	void changeSetsThatDoNotMatchTheContextsAreNotPlanned() {
		List<ChangeSetInfo> expected = List.of(info(this.one), info(this.four));
		assertThat(Plans.upgrade(this.all, expected, List.of(), RevisionTarget.HEAD, MASTER)).containsExactly(this.one,
				this.four);
	}

	@Test
	void downgradeRangeByCountTagDateAndBase() {
		List<ChangeSetInfo> applied = applied(this.one, this.two, this.tagged, this.four);
		applied.set(2, withTag(applied.get(2), "v1"));
		assertThat(Plans.rollbackRange(applied, RevisionTarget.count(2), MASTER)).extracting(ChangeSetInfo::id)
			.containsExactly("3", "4");
		// the changeset that recorded the tag stays applied
		assertThat(Plans.rollbackRange(applied, RevisionTarget.tag("V1"), MASTER)).extracting(ChangeSetInfo::id)
			.containsExactly("4");
		assertThat(Plans.rollbackRange(applied, RevisionTarget.date(Instant.parse("2026-01-02T00:00:00Z")), MASTER))
			.extracting(ChangeSetInfo::id)
			.containsExactly("3", "4");
		assertThat(Plans.rollbackRange(applied, RevisionTarget.BASE, MASTER)).hasSize(4);
	}

	@Test
	void downgradeBeyondWhatIsAppliedOrToAnUnrecordedTagIsRefused() {
		List<ChangeSetInfo> applied = applied(this.one);
		assertThat(refusal(() -> Plans.rollbackRange(applied, RevisionTarget.count(2), MASTER)).message())
			.isEqualTo("Cannot downgrade -2: only 1 changeset is applied");
		assertThat(refusal(() -> Plans.rollbackRange(applied, RevisionTarget.tag("v1"), MASTER)).action())
			.contains("there are none");
	}

	@Test
	void downgradePlansNewestFirstAndRefusesAChangeSetWithoutRollbackBeforeAnything() {
		ChangeSet raw = changeSet("5");
		raw.addChange(new RawSQLChange("UPDATE notes SET body = ''"));
		List<ChangeSet> changeSets = new ArrayList<>(this.all);
		changeSets.add(raw);
		List<ChangeSetInfo> applied = applied(this.one, this.two);
		assertThat(Plans.downgrade(changeSets, applied, RevisionTarget.BASE, new PostgresDatabase(), MASTER))
			.extracting(ChangeSetInfo::id)
			.containsExactly("2", "1");
		MigrationFailure failure = refusal(() -> Plans.downgrade(changeSets, applied(this.one, raw),
				RevisionTarget.count(2), new PostgresDatabase(), MASTER));
		assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
		assertThat(failure.changeSet().id()).isEqualTo("5");
		assertThat(failure.message()).contains("cannot be rolled back: its sql change has no automatic rollback")
			.endsWith("Nothing was rolled back.");
	}

	@Test
	void downgradeOfAChangeSetMissingFromTheChangeLogIsRefused() {
		List<ChangeSetInfo> applied = List.of(new ChangeSetInfo("gone", "eve", MASTER, null, null, null));
		assertThat(
				refusal(() -> Plans.downgrade(this.all, applied, RevisionTarget.BASE, new PostgresDatabase(), MASTER))
					.message())
			.contains("is recorded as applied but is not in this changelog");
	}

	@Test
	void whyNoRollbackAcceptsInversesAndRollbackBlocks() {
		PostgresDatabase database = new PostgresDatabase();
		assertThat(Plans.whyNoRollback(this.one, database)).isNull();
		ChangeSet sql = changeSet("6");
		sql.addChange(new RawSQLChange("DELETE FROM notes"));
		assertThat(Plans.whyNoRollback(sql, database)).contains("no automatic rollback");
		sql.getRollback().getChanges().add(new RawSQLChange("SELECT 1"));
		assertThat(Plans.whyNoRollback(sql, database)).isNull();
	}

	@Test
	void directionIsCheckedInOnePlaceForParsingAndForOperations() {
		assertThat(RevisionTarget.BASE.misfit(Direction.UPGRADE)).startsWith("Invalid upgrade target 'base'");
		assertThat(RevisionTarget.HEAD.misfit(Direction.DOWNGRADE)).startsWith("Invalid downgrade target 'head'");
		assertThat(RevisionTarget.tag("v1").misfit(Direction.UPGRADE)).isNull();
		assertThat(RevisionTarget.tag("v1").misfit(Direction.DOWNGRADE)).isNull();
		MigrationFailure failure = refusal(() -> new UpgradeOperation(RevisionTarget.BASE, MASTER));
		assertThat(failure.kind()).isEqualTo(Kind.REFUSED);
		assertThat(failure.message()).isEqualTo(RevisionTarget.BASE.misfit(Direction.UPGRADE));
		assertThat(refusal(() -> new DowngradeOperation(RevisionTarget.HEAD, MASTER)).action())
			.contains("-N, a tag name, date:<ISO-8601> or base");
		assertThat(refusal(() -> new BaselineOperation(RevisionTarget.count(1), MASTER)).message())
			.isEqualTo("Invalid baseline target '1'");
	}

	private List<ChangeSet> upgrade(RevisionTarget target, List<ChangeSetInfo> applied) {
		return Plans.upgrade(this.all, this.all.stream().map(PlansTests::info).toList(), applied, target, MASTER);
	}

	private static MigrationFailure refusal(Runnable planning) {
		try {
			planning.run();
		}
		catch (MigrationException ex) {
			return ex.getFailure();
		}
		throw new AssertionError("Not refused");
	}

	private static List<ChangeSetInfo> applied(ChangeSet... changeSets) {
		List<ChangeSetInfo> applied = new ArrayList<>();
		for (int i = 0; i < changeSets.length; i++) {
			ChangeSet changeSet = changeSets[i];
			applied.add(new ChangeSetInfo(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath(), null,
					Instant.parse("2026-01-01T00:00:00Z").plusSeconds(86_400L * i), null));
		}
		return applied;
	}

	private static ChangeSetInfo withTag(ChangeSetInfo info, String tag) {
		return new ChangeSetInfo(info.id(), info.author(), info.file(), info.description(), info.executedAt(), tag);
	}

	private static ChangeSetInfo info(ChangeSet changeSet) {
		return ChangeLogModel.info(changeSet);
	}

	private ChangeSet table(String id) {
		ChangeSet changeSet = changeSet(id);
		CreateTableChange create = new CreateTableChange();
		create.setTableName("t" + id);
		create.addColumn(new ColumnConfig().setName("id").setType("int"));
		changeSet.addChange(create);
		return changeSet;
	}

	private ChangeSet tag(String id, String tag) {
		ChangeSet changeSet = changeSet(id);
		TagDatabaseChange change = new TagDatabaseChange();
		change.setTag(tag);
		changeSet.addChange(change);
		return changeSet;
	}

	private ChangeSet changeSet(String id) {
		return new ChangeSet(id, "alice", false, false, MASTER, null, null, this.changeLog);
	}

}
