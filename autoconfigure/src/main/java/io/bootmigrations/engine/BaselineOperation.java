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
		return UpgradeOperation.upTo(session, this.target);
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
