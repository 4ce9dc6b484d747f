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

package io.bootmigrations.schema;

import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;

/**
 * {@code migrations.drift.on-boot=warn}: after each successful migration, checks for
 * drift on a thread of its own and logs each difference as a warning. Never fails the
 * start and never delays it.
 */
public final class DriftWarnings implements MigrationListener {

	private static final Log logger = LogFactory.getLog(DriftWarnings.class);

	private final Supplier<DriftCheck> driftCheck;

	/**
	 * Create the listener.
	 * @param driftCheck the drift check, looked up when the migration has run
	 */
	public DriftWarnings(Supplier<DriftCheck> driftCheck) {
		this.driftCheck = driftCheck;
	}

	@Override
	public void runFinished(RunReport report, MigrationStatus status) {
		if (report.outcome() != RunReport.Outcome.SUCCEEDED) {
			return;
		}
		Thread thread = new Thread(this::check, "migrations-drift");
		thread.setDaemon(true);
		thread.start();
	}

	void check() {
		try {
			DriftReport drift = this.driftCheck.get().check();
			if (drift.isClean()) {
				logger.info("No drift: schema '" + drift.schema() + "' is what the " + drift.applied()
						+ " applied changesets produce");
			}
			drift.describe().forEach((difference) -> logger.warn("Schema drift: " + difference));
			drift.notes().forEach((note) -> logger.warn("Drift check: " + note));
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check for schema drift: " + Causes.message(ex));
		}
	}

}
