package io.bootmigrations.engine;

import java.util.List;

import liquibase.changelog.ChangeSet;

/**
 * Record changesets as applied without running them: every changeset (head) or those up
 * to a tag of the changelog.
 */
final class BaselineOperation implements Operation<List<ChangeSet>> {

	private final RevisionTarget target;

	BaselineOperation(RevisionTarget target, String changeLog) {
		if (target.kind() != RevisionTarget.Kind.HEAD && target.kind() != RevisionTarget.Kind.TAG) {
			throw Plans.refused(null, changeLog, "Invalid baseline target '" + target + "'",
					"A baseline records every changeset (head) or the changesets up to a tag of the changelog.");
		}
		this.target = target;
	}

	@Override
	public String name() {
		return "baseline";
	}

	@Override
	public List<ChangeSet> plan(Session session) throws Exception {
		return Plans.upgrade(session.changeLog().getChangeSets(), session.model().pending(List.of()),
				session.applied(), this.target, session.settings().changeLog());
	}

	@Override
	public int apply(Session session, List<ChangeSet> plan, ProgressTracker tracker) throws Exception {
		tracker.start(plan.size());
		int before = session.applied().size();
		if (this.target.kind() == RevisionTarget.Kind.TAG) {
			session.liquibase().changeLogSync(this.target.tag(), session.contexts(), session.labels());
		}
		else {
			session.liquibase().changeLogSync(session.contexts(), session.labels());
		}
		return session.applied().size() - before;
	}

}
