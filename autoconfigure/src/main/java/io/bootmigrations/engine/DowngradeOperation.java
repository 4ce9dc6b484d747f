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
import java.util.Date;
import java.util.List;

import liquibase.Liquibase;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.RevisionTarget.Direction;

/**
 * Roll changesets back to a target: the last N, a tag recorded in the database, a date,
 * or base. Every changeset in range is checked for a possible rollback before anything is
 * rolled back.
 */
final class DowngradeOperation implements Operation<List<ChangeSetInfo>> {

	private final RevisionTarget target;

	DowngradeOperation(RevisionTarget target, String changeLog) {
		Plans.requireDirection(target, Direction.DOWNGRADE, changeLog);
		this.target = target;
	}

	@Override
	public String name() {
		return "downgrade";
	}

	@Override
	public List<ChangeSetInfo> plan(Session session) throws Exception {
		return Plans.downgrade(session.changeLog().getChangeSets(), session.applied(), this.target, session.database(),
				session.settings().changeLog());
	}

	@Override
	public int apply(Session session, List<ChangeSetInfo> plan, ProgressTracker tracker) throws Exception {
		tracker.start(plan.size());
		if (plan.isEmpty()) {
			return 0;
		}
		int before = session.applied().size();
		rollback(session, plan, null);
		return before - session.applied().size();
	}

	@Override
	public void sql(Session session, List<ChangeSetInfo> plan, Writer sql) throws Exception {
		if (!plan.isEmpty()) {
			rollback(session, plan, sql);
		}
	}

	private void rollback(Session session, List<ChangeSetInfo> plan, @Nullable Writer sql) throws Exception {
		Liquibase liquibase = session.liquibase();
		switch (this.target.kind()) {
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
				Date date = Date.from(this.target.date());
				if (sql != null) {
					liquibase.rollback(date, null, session.contexts(), session.labels(), sql);
				}
				else {
					liquibase.rollback(date, null, session.contexts(), session.labels());
				}
			}
			default -> throw new IllegalStateException("Not a downgrade target: " + this.target);
		}
	}

}
