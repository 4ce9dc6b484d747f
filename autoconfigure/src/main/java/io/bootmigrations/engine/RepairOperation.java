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

import liquibase.lockservice.StandardLockService;
import liquibase.snapshot.SnapshotGeneratorFactory;
import org.jspecify.annotations.Nullable;

/**
 * The repair tools: {@code clear-checksums} (the stored checksums are recomputed on the
 * next run) and {@code release-locks} (Liquibase's lock row in
 * {@code DATABASECHANGELOGLOCK}, left by a killed process). Nothing to plan.
 */
final class RepairOperation implements Operation<Void> {

	static final RepairOperation CLEAR_CHECKSUMS = new RepairOperation("clear-checksums");

	static final RepairOperation RELEASE_LOCKS = new RepairOperation("release-locks");

	private final String name;

	private RepairOperation(String name) {
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean planBeforeLock() {
		return false;
	}

	@Override
	public @Nullable Void plan(Session session) {
		return null;
	}

	@Override
	public int apply(Session session, @Nullable Void plan, ProgressTracker tracker) throws Exception {
		if (this == CLEAR_CHECKSUMS) {
			session.liquibase().clearCheckSums();
			return 0;
		}
		// Liquibase's own lock row, left by an older setup or by the 'liquibase' lock
		// strategy; the engine's database lock needs no repair (the server frees it).
		// Bypass the session lock service, which stands in for this table while the
		// engine holds its own lock.
		StandardLockService tableLock = new StandardLockService();
		tableLock.setDatabase(session.database());
		if (SnapshotGeneratorFactory.getInstance().hasDatabaseChangeLogLockTable(session.database())) {
			tableLock.forceReleaseLock();
		}
		return 0;
	}

}
