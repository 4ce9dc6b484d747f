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

import java.util.ArrayList;
import java.util.List;

import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.MigrationFailure.Kind;
import io.bootmigrations.engine.RunReport.Outcome;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Integration tests for {@link MigrationEngine} on a real PostgreSQL database.
 */
class MigrationEngineIntegrationTests {

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("engine");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void firstRunAppliesEveryChangeSetAndRecordsTheStatus() {
		MigrationEngine engine = engine(MigrationSettings.forChangeLog("db/engine/three.xml").build());
		assertThat(engine.status().state()).isEqualTo(MigrationState.PENDING);
		RunReport report = engine.migrate();
		assertThat(report.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(report.applied()).isEqualTo(3);
		MigrationStatus status = engine.status();
		assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(status.applied()).extracting(ChangeSetInfo::id).containsExactly("1", "2", "3");
		assertThat(status.pending()).isEmpty();
		assertThat(status.unexpected()).isEmpty();
		assertThat(status.lastApplied().author()).isEqualTo("bob");
		assertThat(status.lastApplied().executedAt()).isNotNull();
		assertThat(status.lastRun()).isSameAs(report);
		assertThat(status.database().product()).isEqualTo("PostgreSQL");
		assertThat(status.database().url()).contains(this.database.name()).doesNotContain("password");
		assertThat(status.checkedAt()).isNotNull();
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM customer", Integer.class)).isEqualTo(1);
	}

	@Test
	void secondRunAppliesNothing() {
		engine(MigrationSettings.forChangeLog("db/engine/three.xml").build()).migrate();
		MigrationEngine restarted = engine(MigrationSettings.forChangeLog("db/engine/three.xml").build());
		RunReport report = restarted.migrate();
		assertThat(report.applied()).isZero();
		assertThat(restarted.status().state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(restarted.status().applied()).hasSize(3);
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isEqualTo(3);
	}

	@Test
	void contextsDecideWhatIsPendingAndApplied() {
		MigrationEngine engine = engine(MigrationSettings.forChangeLog("db/engine/three.xml").contexts("prod").build());
		assertThat(engine.migrate().applied()).isEqualTo(2);
		assertThat(engine.status().pending()).isEmpty();
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM customer", Integer.class)).isZero();
	}

	@Test
	void failingChangeSetIsReportedAndLeavesEarlierChangeSetsAndNothingOfItself() {
		MigrationEngine engine = engine(MigrationSettings.forChangeLog("db/engine/failing.xml").build());
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine::migrate).satisfies((ex) -> {
			MigrationFailure failure = ex.getFailure();
			assertThat(failure.kind()).isEqualTo(Kind.CHANGESET_FAILED);
			assertThat(failure.changeSet().id()).isEqualTo("broken-invoice");
			assertThat(failure.changeSet().author()).isEqualTo("bob");
			assertThat(failure.changeSet().file()).isEqualTo("db/engine/failing.xml");
			assertThat(failure.message()).contains("no_such_table");
			assertThat(ex.getMessage()).contains("db/engine/failing.xml::broken-invoice::bob");
		});
		MigrationStatus status = engine.status();
		assertThat(status.state()).isEqualTo(MigrationState.FAILED);
		assertThat(status.lastRun().outcome()).isEqualTo(Outcome.FAILED);
		assertThat(status.lastRun().applied()).isEqualTo(1);
		assertThat(status.lastRun().error().changeSet().id()).isEqualTo("broken-invoice");
		assertThat(this.database.tables()).contains("orders").doesNotContain("invoice", "shipment");
		assertThat(this.database.jdbc().queryForList("SELECT id FROM databasechangelog", String.class))
			.containsExactly("create-orders");
	}

	@Test
	void refreshSeesChangesMadeByOthers() {
		MigrationEngine engine = engine(MigrationSettings.forChangeLog("db/engine/three.xml").build());
		engine.migrate();
		this.database.execute("DELETE FROM databasechangelog WHERE id = '3'",
				"INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, exectype) "
						+ "VALUES ('99', 'zed', 'db/engine/newer.xml', now(), 99, 'EXECUTED')");
		MigrationStatus status = engine.refresh();
		assertThat(status.state()).isEqualTo(MigrationState.PENDING);
		assertThat(status.pending()).extracting(ChangeSetInfo::id).containsExactly("3");
		assertThat(status.unexpected()).extracting(ChangeSetInfo::identifier)
			.containsExactly("db/engine/newer.xml::99::zed");
	}

	@Test
	void liquibaseAnalyticsAreOffUnlessEnabled() {
		List<Boolean> seen = new ArrayList<>();
		MigrationListener probe = new MigrationListener() {
			@Override
			public void runStarted(String operation, int total) {
				seen.add(AnalyticsArgs.ENABLED.getCurrentValue());
			}
		};
		new MigrationEngine(this.database.dataSource(), MigrationSettings.forChangeLog("db/engine/three.xml").build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(probe))
			.migrate();
		assertThat(seen).containsExactly(false);
	}

	@Test
	void listenersSeeEveryAppliedChangeSet() {
		List<String> events = new ArrayList<>();
		MigrationListener listener = new MigrationListener() {
			@Override
			public void runStarted(String operation, int total) {
				events.add("start " + operation + " " + total);
			}

			@Override
			public void changeSetApplied(ChangeSetInfo changeSet, MigrationStatus.Progress progress) {
				events.add(changeSet.id() + " " + progress.done() + "/" + progress.total());
			}

			@Override
			public void runFinished(RunReport report, MigrationStatus status) {
				events.add("finish " + report.outcome() + " " + report.applied());
			}
		};
		new MigrationEngine(this.database.dataSource(), MigrationSettings.forChangeLog("db/engine/three.xml").build(),
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of(listener))
			.migrate();
		assertThat(events).containsExactly("start update 3", "1 1/3", "2 2/3", "3 3/3", "finish SUCCEEDED 3");
	}

	private MigrationEngine engine(MigrationSettings settings) {
		return new MigrationEngine(this.database.dataSource(), settings,
				new SpringResourceAccessor(new DefaultResourceLoader()), List.of());
	}

}
