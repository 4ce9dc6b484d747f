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
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.visitor.AbstractChangeExecListener;
import liquibase.database.Database;
import liquibase.exception.PreconditionFailedException;
import liquibase.precondition.core.PreconditionContainer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationStatus.Progress;

/**
 * Follows one run changeset by changeset, for progress, metrics and failure reports, and
 * stops it before the next changeset when a stop was requested.
 */
final class ProgressTracker extends AbstractChangeExecListener {

	private static final Log logger = LogFactory.getLog(MigrationEngine.class);

	private final String operation;

	private final Consumer<Progress> progress;

	private final List<MigrationListener> listeners;

	private final BooleanSupplier stopRequested;

	private volatile int total;

	private volatile boolean started;

	private volatile @Nullable ChangeSetInfo stoppedBefore;

	private volatile int done;

	private volatile int applied;

	private volatile int markedRan;

	private volatile @Nullable ChangeSet failedChangeSet;

	private volatile @Nullable ChangeSet running;

	private volatile boolean transactionalDdl;

	private @Nullable ChangeSet current;

	private @Nullable ChangeSetInfo currentInfo;

	ProgressTracker(String operation, Consumer<Progress> progress, List<MigrationListener> listeners,
			BooleanSupplier stopRequested) {
		this.operation = operation;
		this.progress = progress;
		this.listeners = listeners;
		this.stopRequested = stopRequested;
	}

	/**
	 * The run is about to apply {@code total} changesets: tell the status and the
	 * listeners.
	 */
	void start(int total) {
		this.total = total;
		this.started = true;
		this.progress.accept(new Progress(0, total, null));
		this.listeners.forEach((listener) -> listener.runStarted(this.operation, total));
	}

	int total() {
		return this.total;
	}

	int applied() {
		return this.applied;
	}

	int markedRan() {
		return this.markedRan;
	}

	boolean started() {
		return this.started;
	}

	boolean transactionalDdl() {
		return this.transactionalDdl;
	}

	@Nullable ChangeSetInfo stoppedBefore() {
		return this.stoppedBefore;
	}

	@Nullable ChangeSet failedChangeSet() {
		return this.failedChangeSet;
	}

	/** The changeset that failed, or the one that was running when the run failed. */
	@Nullable ChangeSet failedOrRunning() {
		ChangeSet failed = this.failedChangeSet;
		return (failed != null) ? failed : this.running;
	}

	private void begin(ChangeSet changeSet, Database database) {
		stopIfRequested(changeSet);
		this.running = changeSet;
		this.transactionalDdl = database.supportsDDLInTransaction();
		SessionJdbcConnection.beginChangeSet(changeSet, database);
	}

	private void end(Database database) {
		SessionJdbcConnection.endChangeSet(database);
		this.running = null;
	}

	@Override
	public void willRun(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			ChangeSet.RunStatus runStatus) {
		begin(changeSet, database);
		this.progress.accept(new Progress(this.done, this.total, info(changeSet)));
	}

	private void stopIfRequested(ChangeSet next) {
		if (this.stopRequested.getAsBoolean()) {
			ChangeSetInfo info = info(next);
			this.stoppedBefore = info;
			throw new IllegalStateException("Stopped by shutdown before " + info.identifier());
		}
	}

	// Liquibase computes a changeset's description anew on every call; describe it once
	private ChangeSetInfo info(ChangeSet changeSet) {
		ChangeSetInfo info = this.currentInfo;
		if (this.current != changeSet || info == null) {
			info = ChangeLogModel.info(changeSet);
			this.current = changeSet;
			this.currentInfo = info;
		}
		return info;
	}

	@Override
	public void ran(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			ChangeSet.ExecType execType) {
		end(database);
		this.done++;
		if (execType == ChangeSet.ExecType.EXECUTED || execType == ChangeSet.ExecType.RERAN) {
			this.applied++;
		}
		else if (execType == ChangeSet.ExecType.MARK_RAN) {
			this.markedRan++;
		}
		ChangeSetInfo info = info(changeSet);
		Progress now = new Progress(this.done, Math.max(this.total, this.done), null);
		this.progress.accept(now);
		this.listeners.forEach((listener) -> listener.changeSetApplied(info, now));
	}

	@Override
	public void runFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		SessionJdbcConnection.endChangeSet(database);
		this.failedChangeSet = changeSet;
	}

	@Override
	public void willRollback(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
		begin(changeSet, database);
	}

	@Override
	public void rolledBack(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database) {
		end(database);
	}

	@Override
	public void rollbackFailed(ChangeSet changeSet, DatabaseChangeLog databaseChangeLog, Database database,
			Exception exception) {
		SessionJdbcConnection.endChangeSet(database);
		this.failedChangeSet = changeSet;
	}

	@Override
	public void preconditionFailed(PreconditionFailedException error, PreconditionContainer.FailOption onFail) {
		logger.debug("Precondition failed: " + error.getMessage());
	}

}
