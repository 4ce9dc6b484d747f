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

package io.bootmigrations.autoconfigure;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.MigrationState;

/**
 * Re-reads the applied changesets on an interval
 * ({@code migrations.status.refresh-interval}) so that the status snapshot notices what
 * other deployments did to the database. A task of the starter's
 * {@link MigrationScheduler} that starts and stops with the application context; skips a
 * round while a migration is under way. Without an interval it does nothing. (The bean
 * always exists rather than being conditional on the property: a condition would see
 * {@code MIGRATIONS_STATUS_REFRESH_INTERVAL} in the environment while binding would not.)
 */
class MigrationStatusRefresher implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(MigrationStatusRefresher.class);

	private final MigrationEngine engine;

	private final @Nullable Duration interval;

	private final MigrationScheduler scheduler;

	private @Nullable ScheduledFuture<?> task;

	private volatile boolean lastFailed;

	MigrationStatusRefresher(MigrationEngine engine, @Nullable Duration interval, MigrationScheduler scheduler) {
		this.engine = engine;
		this.interval = interval;
		this.scheduler = scheduler;
	}

	@Override
	public synchronized void start() {
		if (this.interval != null && this.task == null) {
			this.task = this.scheduler.withFixedDelay(this::refresh, this.interval);
		}
	}

	void refresh() {
		if (this.engine.status().state() == MigrationState.MIGRATING) {
			return;
		}
		try {
			this.engine.refresh();
			if (this.lastFailed) {
				logger.info("Migrations: status refresh works again");
			}
			this.lastFailed = false;
		}
		catch (MigrationException ex) {
			if (!this.lastFailed) {
				logger.warn("Migrations: could not refresh the status (" + ex.getFailure().message()
						+ "); the endpoint shows the last status read; retrying every " + this.interval);
			}
			this.lastFailed = true;
		}
	}

	@Override
	public synchronized void stop() {
		if (this.task != null) {
			this.task.cancel(false);
			this.task = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.task != null;
	}

}
