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

package io.bootmigrations.actuate;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.bootmigrations.actuate.MigrationsEndpoint.ChangeSetPage;
import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.MigrationStatus.LockInfo;
import io.bootmigrations.engine.MigrationStatus.Progress;
import io.bootmigrations.status.StatusDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the response types of {@link MigrationsEndpoint}, for snapshots the engine of
 * this branch cannot produce yet (a known lock) and for page arithmetic. The JSON
 * contract over HTTP is in {@link MigrationsEndpointIntegrationTests}.
 */
class MigrationsEndpointTests {

	private static final Instant SINCE = Instant.parse("2026-01-02T03:04:05Z");

	@Test
	void knownLockIsRendered() {
		LockInfo lock = new LockInfo("postgresql-advisory", true, "pid 4242 on 10.0.0.7", SINCE, true);
		StatusDocument target = StatusDocument.of("default",
				status(MigrationState.MIGRATING, lock, new Progress(2, 5, info(3))), false);
		assertThat(target.lock()).isEqualTo(new StatusDocument.Lock(true, true, "pid 4242 on 10.0.0.7",
				"2026-01-02T03:04:05Z", "postgresql-advisory", true));
		assertThat(target.progress().done()).isEqualTo(2);
		assertThat(target.progress().total()).isEqualTo(5);
		assertThat(target.progress().current().id()).isEqualTo("3");
		assertThat(target.ready()).isFalse();
	}

	@Test
	void unknownLockSaysSo() {
		StatusDocument target = StatusDocument.of("default", status(MigrationState.UP_TO_DATE, null, null), false);
		assertThat(target.lock().known()).isFalse();
		assertThat(target.lock().held()).isNull();
		assertThat(target.progress()).isNull();
		assertThat(target.ready()).isTrue();
	}

	@Test
	void progressIsOnlyShownWhileMigrating() {
		StatusDocument target = StatusDocument.of("default",
				status(MigrationState.UP_TO_DATE, null, new Progress(5, 5, null)), false);
		assertThat(target.progress()).isNull();
	}

	@Test
	void outOfOrderChangeSetsAreCountedAndNamedInAWarning() {
		MigrationStatus status = new MigrationStatus(MigrationState.PENDING, "db/a.xml", null,
				List.of(info(1), info(3)), List.of(info(2)), List.of(), null, null, null, Instant.now(),
				List.of(info(2)), List.of());
		StatusDocument target = StatusDocument.of("default", status, false);
		assertThat(target.outOfOrder()).isEqualTo(1);
		assertThat(target.warnings())
			.anySatisfy((warning) -> assertThat(warning).startsWith("1 pending changeset(s) sit before applied ones")
				.endsWith("db/a.xml::2::alice"));
		assertThat(StatusDocument.of("default", status(MigrationState.UP_TO_DATE, null, null), false).outOfOrder())
			.isZero();
	}

	@Test
	void pagesCoverTheListExactlyOnce() {
		List<ChangeSetInfo> all = IntStream.range(0, 250).mapToObj(MigrationsEndpointTests::info).toList();
		ChangeSetPage last = ChangeSetPage.of("default", "history", all, 2, 100);
		assertThat(last.total()).isEqualTo(250);
		assertThat(last.totalPages()).isEqualTo(3);
		assertThat(last.changeSets()).hasSize(50);
		assertThat(last.changeSets().get(0).id()).isEqualTo("200");
		assertThat(ChangeSetPage.of("default", "history", all, 3, 100).changeSets()).isEmpty();
		assertThat(ChangeSetPage.of("default", "history", all, Integer.MAX_VALUE, 1000).changeSets()).isEmpty();
		assertThat(ChangeSetPage.of("default", "history", List.of(), 0, 100).totalPages()).isZero();
	}

	private static MigrationStatus status(MigrationState state, LockInfo lock, Progress progress) {
		return new MigrationStatus(state, "db/a.xml", null, List.of(info(1)), List.of(), List.of(), null, lock,
				progress, Instant.now());
	}

	private static ChangeSetInfo info(int id) {
		return new ChangeSetInfo(String.valueOf(id), "alice", "db/a.xml", null, null, null);
	}

}
