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

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.fastpath.ChangeLogHistory;
import io.bootmigrations.engine.fastpath.ChangeLogPreconditions;
import io.bootmigrations.engine.fastpath.FastPath;

/**
 * The update on boot: every pending changeset (up to {@code spring.liquibase.tag}), with
 * {@code drop-first}, {@code clear-checksums} and {@code test-rollback-on-update} as
 * configured; afterwards it records the fast path's fingerprint.
 */
final class UpdateOperation implements Operation<Void> {

	private static final Log logger = LogFactory.getLog(MigrationEngine.class);

	private final MigrationSettings settings;

	private final @Nullable FastPath fastPath;

	private final Consumer<List<ChangeSetInfo>> outOfOrder;

	/**
	 * @param outOfOrder told the out-of-order changesets before anything is applied; may
	 * refuse the run by throwing a {@link MigrationException}
	 */
	UpdateOperation(MigrationSettings settings, @Nullable FastPath fastPath, Consumer<List<ChangeSetInfo>> outOfOrder) {
		this.settings = settings;
		this.fastPath = fastPath;
		this.outOfOrder = outOfOrder;
	}

	@Override
	public String name() {
		return "update";
	}

	@Override
	public boolean retryable() {
		return true;
	}

	@Override
	public boolean planBeforeLock() {
		// on boot the fast path decides before the lock; parsing twice would cost every
		// start
		return false;
	}

	@Override
	public @Nullable Void plan(Session session) {
		// drop-first and clear-checksums write before the pending changesets can be known
		return null;
	}

	@Override
	public int apply(Session session, @Nullable Void plan, ProgressTracker tracker) throws Exception {
		Liquibase liquibase = session.liquibase();
		if (this.settings.dropFirst()) {
			liquibase.dropAll();
		}
		SpringLiquibaseOptions.writeRollbackFile(liquibase, this.settings, session.contexts(), session.labels());
		if (this.settings.clearChecksums()) {
			liquibase.clearCheckSums();
		}
		List<ChangeSet> toRun = session.unrun();
		HistoryColumns.check(session.database(), toRun);
		List<ChangeSetInfo> outOfOrder = session.model().outOfOrder(session.applied());
		if (!outOfOrder.isEmpty()) {
			// a listener may refuse the run (migrations.out-of-order=fail) before
			// anything is applied
			this.outOfOrder.accept(outOfOrder);
		}
		tracker.start(toRun.size());
		if (this.settings.testRollbackOnUpdate()) {
			if (this.settings.tag() != null) {
				liquibase.updateTestingRollback(this.settings.tag(), session.contexts(), session.labels());
			}
			else {
				liquibase.updateTestingRollback(session.contexts(), session.labels());
			}
		}
		else {
			liquibase.update(this.settings.tag(), session.contexts(), session.labels());
		}
		recordFingerprint(session);
		return tracker.applied();
	}

	// Fast path (#6): after a run that left nothing to do, record what it read

	private void recordFingerprint(Session session) {
		FastPath fastPath = this.fastPath;
		if (fastPath == null || !fastPath.isApplicable()) {
			return;
		}
		try {
			ChangeLogHistory history = fastPath.readHistory(session.connection());
			session.resetHistory();
			boolean upToDate = session.unrun().isEmpty() && session.model().unexpected(history.applied()).isEmpty()
					&& !ChangeLogPreconditions.present(session.changeLog());
			fastPath.record(session.connection(), history, upToDate);
		}
		catch (Exception ex) {
			logger.info("Migrations fast path: could not record the fingerprint, the next boot runs Liquibase ("
					+ ex.getMessage() + ")");
			try {
				if (!session.connection().getAutoCommit()) {
					session.connection().rollback();
				}
			}
			catch (SQLException rollbackFailure) {
				ex.addSuppressed(rollbackFailure);
			}
		}
	}

}
