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

package io.bootmigrations.targets;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Migrates every target other than {@code default} on boot, after the {@code default} one
 * (whose tables a {@code schemas-query} may read), before any bean that uses a database
 * is created. Every target finishes before a failure is reported, so no target is left
 * half-started by another's failure.
 */
public class TargetsInitializer implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(TargetsInitializer.class);

	private final TargetEngines targets;

	private final boolean off;

	private final boolean validateOnly;

	private final boolean failOnError;

	private final boolean background;

	private volatile @Nullable Thread thread;

	/**
	 * Create an initializer.
	 * @param targets the targets
	 * @param validateOnly whether to validate instead of migrating
	 * @param failOnError whether a failed target fails startup (after all finished)
	 * @param background whether to migrate on a thread of its own
	 */
	public TargetsInitializer(TargetEngines targets, boolean validateOnly, boolean failOnError, boolean background) {
		this(targets, false, validateOnly, failOnError, background);
	}

	/**
	 * Create an initializer.
	 * @param targets the targets
	 * @param off whether boot leaves the databases as they are
	 * ({@code migrations.mode=off}, as in command mode): the targets are prepared for
	 * commands, nothing is created or migrated
	 * @param validateOnly whether to validate instead of migrating
	 * @param failOnError whether a failed target fails startup (after all finished)
	 * @param background whether to migrate on a thread of its own
	 */
	public TargetsInitializer(TargetEngines targets, boolean off, boolean validateOnly, boolean failOnError,
			boolean background) {
		this.off = off;
		this.targets = targets;
		this.validateOnly = validateOnly;
		this.failOnError = failOnError;
		this.background = background;
	}

	@Override
	public void afterPropertiesSet() {
		if (!this.targets.hasTargets()) {
			return;
		}
		this.targets.prepare(!this.off && !this.validateOnly);
		if (this.off) {
			return;
		}
		if (!this.background) {
			migrate(this.failOnError);
			return;
		}
		Thread thread = new Thread(() -> migrate(false), "migrations-targets");
		this.thread = thread;
		thread.start();
	}

	private void migrate(boolean fail) {
		List<TargetRun> runs = this.targets.migrateAll(this.validateOnly);
		List<TargetRun> failed = runs.stream().filter(TargetRun::failed).toList();
		if (failed.isEmpty()) {
			return;
		}
		if (fail) {
			throw new TargetsMigrationException(failed, runs.size());
		}
		logger.error("Migrations: " + failed.size() + " target(s) failed; the application stays up but refuses "
				+ "traffic (health 'migrations' is DOWN naming them)");
	}

	@Override
	public void destroy() throws InterruptedException {
		Thread thread = this.thread;
		if (thread != null) {
			this.targets.requestStop();
			thread.join(30_000);
		}
	}

}
