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

package io.bootmigrations.status;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.MigrationStatus.DatabaseInfo;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.RunReport.Outcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationReadiness}, the one verdict behind the health indicator and
 * the readiness state.
 */
class MigrationReadinessTests {

	private static final ChangeSetInfo ONE = new ChangeSetInfo("1", "alice", "db/a.xml", null, Instant.now(), null);

	private static final ChangeSetInfo TWO = new ChangeSetInfo("2", "alice", "db/a.xml", null, null, null);

	private static final DatabaseInfo DATABASE = new DatabaseInfo("PostgreSQL", "15", "jdbc:postgresql://h/db", "u",
			"public");

	@Test
	void notYetCheckedWaits() {
		assertThat(MigrationReadiness.of(MigrationStatus.initial("db/a.xml"), false))
			.isEqualTo(MigrationReadiness.WAITING);
	}

	@Test
	void migratingWaits() {
		assertThat(MigrationReadiness.of(status(MigrationState.MIGRATING, List.of(ONE), List.of(TWO), List.of(), null),
				false))
			.isEqualTo(MigrationReadiness.WAITING);
	}

	@Test
	void failedRunBlocks() {
		RunReport failed = run(Outcome.FAILED);
		assertThat(MigrationReadiness.of(status(MigrationState.FAILED, List.of(ONE), List.of(TWO), List.of(), failed),
				false))
			.isEqualTo(MigrationReadiness.BLOCKED);
	}

	@Test
	void failedOperatorOperationLeavesAPendingServiceReady() {
		RunReport failedDowngrade = new RunReport("downgrade", Instant.now(), Instant.now(), 0, Outcome.FAILED, null);
		assertThat(MigrationReadiness
			.of(status(MigrationState.PENDING, List.of(ONE), List.of(TWO), List.of(), failedDowngrade), false))
			.isEqualTo(MigrationReadiness.READY);
	}

	@Test
	void upToDateIsReady() {
		assertThat(MigrationReadiness
			.of(status(MigrationState.UP_TO_DATE, List.of(ONE), List.of(), List.of(), run(Outcome.SUCCEEDED)), false))
			.isEqualTo(MigrationReadiness.READY);
	}

	@Test
	void pendingThatThisApplicationDidNotApplyBlocks() {
		assertThat(MigrationReadiness.of(status(MigrationState.PENDING, List.of(ONE), List.of(TWO), List.of(), null),
				false))
			.isEqualTo(MigrationReadiness.BLOCKED);
	}

	@Test
	void pendingAfterASuccessfulRunUpToATagIsReady() {
		assertThat(MigrationReadiness
			.of(status(MigrationState.PENDING, List.of(ONE), List.of(TWO), List.of(), run(Outcome.SUCCEEDED)), false))
			.isEqualTo(MigrationReadiness.READY);
	}

	@Test
	void unexpectedChangeSetsBlockOnlyWhenAskedTo() {
		MigrationStatus ahead = status(MigrationState.UP_TO_DATE, List.of(ONE, TWO), List.of(), List.of(TWO),
				run(Outcome.SUCCEEDED));
		assertThat(MigrationReadiness.of(ahead, false)).isEqualTo(MigrationReadiness.READY);
		assertThat(MigrationReadiness.of(ahead, true)).isEqualTo(MigrationReadiness.BLOCKED);
	}

	private static MigrationStatus status(MigrationState state, List<ChangeSetInfo> applied,
			List<ChangeSetInfo> pending, List<ChangeSetInfo> unexpected, RunReport lastRun) {
		return new MigrationStatus(state, "db/a.xml", DATABASE, applied, pending, unexpected, lastRun, null, null,
				Instant.now());
	}

	private static RunReport run(Outcome outcome) {
		MigrationFailure error = (outcome == Outcome.FAILED)
				? new MigrationFailure(Kind.CHANGESET_FAILED, TWO, "db/a.xml", "boom", "fix it") : null;
		return new RunReport("update", Instant.now(), Instant.now(), 1, outcome, error);
	}

}
