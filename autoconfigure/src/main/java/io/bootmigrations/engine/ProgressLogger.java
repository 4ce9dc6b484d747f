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

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * Logs the progress of long runs every interval while a run is under way: changesets done
 * out of how many, and the changeset being applied. A run shorter than the interval logs
 * nothing here; the engine's summary line says what it did. Logs from the starter's one
 * {@link MigrationScheduler}, on which it has a task only while a run is under way.
 */
public class ProgressLogger implements MigrationListener {

	private static final Log logger = LogFactory.getLog(ProgressLogger.class);

	private final Supplier<MigrationStatus> status;

	private final Duration interval;

	private final MigrationScheduler scheduler;

	private @Nullable ScheduledFuture<?> task;

	/**
	 * Create a progress logger.
	 * @param status the engine's current status
	 * @param interval how often to log while a run is under way
	 * @param scheduler the scheduler that runs the log
	 */
	public ProgressLogger(Supplier<MigrationStatus> status, Duration interval, MigrationScheduler scheduler) {
		this.status = status;
		this.interval = interval;
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void runStarted(String operation, int total) {
		cancel();
		if (total == 0) {
			return;
		}
		this.task = this.scheduler.atFixedRate(() -> log(operation), this.interval);
	}

	@Override
	public void runFinished(RunReport report, MigrationStatus status) {
		cancel();
	}

	private void log(String operation) {
		MigrationStatus current = this.status.get();
		MigrationStatus.Progress progress = current.progress();
		if (current.state() != MigrationState.MIGRATING || progress == null) {
			return;
		}
		ChangeSetInfo changeSet = progress.current();
		logger.info("Migrations: " + operation + " in progress, " + progress.done() + "/" + progress.total()
				+ " changesets done" + ((changeSet != null) ? "; applying " + changeSet.identifier() : ""));
	}

	private synchronized void cancel() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
	}

}
