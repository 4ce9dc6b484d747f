package io.bootmigrations.engine;

import java.io.Writer;
import java.util.List;

import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.RevisionTarget.Direction;

/**
 * Apply changesets up to a target: head, the next N, or a tag of the changelog.
 */
final class UpgradeOperation implements Operation<List<ChangeSet>> {

	private final RevisionTarget target;

	UpgradeOperation(RevisionTarget target, String changeLog) {
		Plans.requireDirection(target, Direction.UPGRADE, changeLog);
		this.target = target;
	}

	@Override
	public String name() {
		return "upgrade";
	}

	@Override
	public boolean retryable() {
		// +N would overshoot when run again
		return this.target.kind() != RevisionTarget.Kind.COUNT;
	}

	@Override
	public List<ChangeSet> plan(Session session) throws Exception {
		return Plans.upgrade(session.changeLog().getChangeSets(), session.model().pending(List.of()),
				session.applied(), this.target, session.settings().changeLog());
	}

	@Override
	public int apply(Session session, List<ChangeSet> plan, ProgressTracker tracker) throws Exception {
		HistoryColumns.check(session.database(), plan);
		tracker.start(plan.size());
		update(session, null);
		return tracker.applied();
	}

	@Override
	public void sql(Session session, List<ChangeSet> plan, Writer sql) throws Exception {
		update(session, sql);
	}

	private void update(Session session, @Nullable Writer sql) throws Exception {
		Liquibase liquibase = session.liquibase();
		switch (this.target.kind()) {
			case HEAD -> {
				if (sql != null) {
					liquibase.update(session.contexts(), session.labels(), sql);
				}
				else {
					liquibase.update(session.contexts(), session.labels());
				}
			}
			case COUNT -> {
				if (sql != null) {
					liquibase.update(this.target.count(), session.contexts(), session.labels(), sql);
				}
				else {
					liquibase.update(this.target.count(), session.contexts(), session.labels());
				}
			}
			case TAG -> {
				if (sql != null) {
					liquibase.update(this.target.tag(), session.contexts(), session.labels(), sql);
				}
				else {
					liquibase.update(this.target.tag(), session.contexts(), session.labels());
				}
			}
			default -> throw new IllegalStateException("Not an upgrade target: " + this.target);
		}
	}

}
