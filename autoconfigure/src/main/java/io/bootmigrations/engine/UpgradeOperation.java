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
		return upTo(session, this.target);
	}

	/**
	 * The pending changesets up to a target, in changelog order: what an upgrade applies
	 * and a baseline records.
	 */
	static List<ChangeSet> upTo(Session session, RevisionTarget target) throws Exception {
		return Plans.upgrade(session.changeLog().getChangeSets(), session.model().pending(List.of()), session.applied(),
				target, session.settings().changeLog());
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
