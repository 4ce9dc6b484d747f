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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.autoconfigure.properties.OutOfOrder;
import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for out-of-order changesets (two branches merged) on PostgreSQL: the
 * status names them and {@code migrations.out-of-order} decides what an update does.
 */
class OutOfOrderIntegrationTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	private Path changeLog;

	@BeforeEach
	void createDatabase() throws Exception {
		this.database = TestDatabaseServer.postgres().create("outoforder");
		this.changeLog = this.directory.resolve("changelog.xml");
		write(changeSet("a", null, null) + changeSet("c", null, null));
		engine(null, null, OutOfOrder.WARN).migrate();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void pendingChangeSetBeforeAppliedOnesIsReportedOutOfOrder() throws Exception {
		write(changeSet("a", null, null) + changeSet("b", null, null) + changeSet("c", null, null)
				+ changeSet("d", null, null));
		MigrationEngine engine = engine(null, null, OutOfOrder.WARN);
		assertThat(engine.refresh().outOfOrder()).extracting(ChangeSetInfo::id).containsExactly("b");
		assertThat(engine.status().pending()).extracting(ChangeSetInfo::id).containsExactly("b", "d");
	}

	@Test
	void pendingChangeSetsAfterTheLastAppliedOneAreNotOutOfOrder() throws Exception {
		write(changeSet("a", null, null) + changeSet("c", null, null) + changeSet("d", null, null));
		assertThat(engine(null, null, OutOfOrder.WARN).refresh().outOfOrder()).isEmpty();
	}

	@Test
	void changeSetExcludedByContextsOrLabelsIsNotOutOfOrder() throws Exception {
		write(changeSet("a", null, null) + changeSet("b", "test", null) + changeSet("b2", null, "later")
				+ changeSet("c", null, null));
		assertThat(engine("prod", "!later", OutOfOrder.WARN).refresh().outOfOrder()).isEmpty();
		assertThat(engine("test", null, OutOfOrder.WARN).refresh().outOfOrder()).extracting(ChangeSetInfo::id)
			.containsExactly("b", "b2");
	}

	@Test
	void failRefusesTheUpdateBeforeApplyingAnything() throws Exception {
		write(changeSet("a", null, null) + changeSet("b", null, null) + changeSet("c", null, null)
				+ changeSet("d", null, null));
		MigrationEngine engine = engine(null, null, OutOfOrder.FAIL);
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate).satisfies((ex) -> {
			assertThat(ex.getFailure().kind()).isEqualTo(Kind.REFUSED);
			assertThat(ex.getFailure().message()).contains("out of order")
				.contains("::b::dev")
				.contains("nothing was applied");
			assertThat(ex.getFailure().action()).contains("migrations.out-of-order");
		});
		assertThat(applied()).containsExactly("a", "c");
		assertThat(this.database.tables()).doesNotContain("t_b", "t_d");
	}

	@Test
	void warnAndAllowApplyOutOfOrderChangeSets() throws Exception {
		write(changeSet("a", null, null) + changeSet("b", null, null) + changeSet("c", null, null));
		MigrationEngine engine = engine(null, null, OutOfOrder.WARN);
		engine.migrate();
		assertThat(applied()).containsExactly("a", "c", "b");
		assertThat(engine.status().outOfOrder()).isEmpty();
		write(changeSet("a", null, null) + changeSet("a2", null, null) + changeSet("b", null, null)
				+ changeSet("c", null, null));
		engine(null, null, OutOfOrder.ALLOW).migrate();
		assertThat(applied()).containsExactly("a", "c", "b", "a2");
	}

	private List<String> applied() {
		return this.database.jdbc()
			.queryForList("SELECT id FROM databasechangelog ORDER BY orderexecuted", String.class);
	}

	private MigrationEngine engine(String contexts, String labels, OutOfOrder policy) {
		return new MigrationEngine(this.database.dataSource(),
				MigrationSettings.forChangeLog(this.changeLog.toUri().toString())
					.contexts(contexts)
					.labelFilter(labels)
					.build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(new OutOfOrderGuard(policy)));
	}

	private void write(String changeSets) throws Exception {
		Files.writeString(this.changeLog, ChangeLogs.xml(changeSets));
	}

	private static String changeSet(String id, String context, String labels) {
		return "<changeSet id=\"" + id + "\" author=\"dev\"" + ((context != null) ? " context=\"" + context + "\"" : "")
				+ ((labels != null) ? " labels=\"" + labels + "\"" : "") + "><createTable tableName=\"t_" + id
				+ "\"><column name=\"id\" type=\"int\"/></createTable></changeSet>\n";
	}

}
