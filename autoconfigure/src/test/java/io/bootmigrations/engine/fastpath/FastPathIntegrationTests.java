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

package io.bootmigrations.engine.fastpath;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import liquibase.integration.spring.SpringResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunInterceptor;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.RunReport.Outcome;
import io.bootmigrations.engine.Safeguards;
import io.bootmigrations.lock.LockStrategy;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fast path on a real PostgreSQL database, with changelogs in a folder on a class
 * loader of its own so that tests can edit them between boots. Every invalidation the
 * fast path promises is one test: each shows that the fingerprint no longer matches and
 * that the next boot then does what Liquibase does.
 */
class FastPathIntegrationTests {

	private static final Safeguards WITNESS = new Safeguards(LockStrategy.LIQUIBASE,
			Safeguards.DEFAULT_LOCK_WAIT_TIMEOUT, Safeguards.DEFAULT_WAIT_FOR_DATABASE);

	private static final String MASTER = "db/fast/master.xml";

	@TempDir
	Path classpath;

	@TempDir
	Path temp;

	private TestDatabase database;

	@BeforeEach
	void createDatabaseAndChangeLogs() {
		this.database = TestDatabaseServer.postgres().create("fastpath");
		write("db/fast/master.xml", ChangeLogs.xml("""
				<property file="db/fast/app.properties"/>
				<include file="db/fast/one.xml"/>
				<includeAll path="db/fast/more/"/>
				"""));
		write("db/fast/app.properties", "suffix=a\n");
		write("db/fast/one.xml", ChangeLogs
			.xml("""
					<changeSet id="1" author="alice">
						<createTable tableName="customer">
							<column name="id" type="bigint"/>
						</createTable>
					</changeSet>
					<changeSet id="2" author="alice" context="test" labels="demo">
						<insert tableName="customer"><column name="id" valueNumeric="1"/></insert>
					</changeSet>
					<changeSet id="3" author="alice" runOnChange="true">
						<sqlFile path="db/fast/view.sql"/>
					</changeSet>
					<changeSet id="4" author="alice" runOnChange="true">
						<createView viewName="customer_${suffix}" replaceIfExists="true">SELECT id FROM customer</createView>
					</changeSet>
					"""));
		write("db/fast/view.sql", "CREATE OR REPLACE VIEW customer_ids AS SELECT id FROM customer");
		write("db/fast/more/a.xml", ChangeLogs.xml("""
				<changeSet id="a" author="bob">
					<createTable tableName="orders"><column name="id" type="bigint"/></createTable>
				</changeSet>
				"""));
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void restartWithNothingChangedSkipsLiquibaseWithACorrectStatus() {
		RunReport first = engine(settings().build()).migrate();
		assertThat(first.applied()).isEqualTo(5);
		this.database.execute("DROP TABLE databasechangeloglock");
		MigrationEngine restarted = engine(settings().build());
		RunReport report = restarted.migrate();
		assertThat(report.outcome()).isEqualTo(Outcome.SUCCEEDED);
		assertThat(report.applied()).isZero();
		assertThat(this.database.tables()).as("Liquibase would have created its lock table again")
			.doesNotContain("databasechangeloglock");
		MigrationStatus status = restarted.status();
		assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE);
		assertThat(status.applied()).extracting(ChangeSetInfo::id).containsExactly("1", "2", "3", "4", "a");
		assertThat(status.applied()).allSatisfy((changeSet) -> assertThat(changeSet.executedAt()).isNotNull());
		assertThat(status.pending()).isEmpty();
		assertThat(status.unexpected()).isEmpty();
		assertThat(status.lastRun()).isSameAs(report);
		assertThat(status.database().product()).isEqualTo("PostgreSQL");
		assertThat(status.database().url()).doesNotContain("password");
		assertThat(restarted.refresh().pending()).as("the lazily parsed changelog agrees").isEmpty();
		assertThat(recordedInputs()).as("lookups are answered without Liquibase")
			.contains("lookup\tdb/fast/one.xml")
			.doesNotContain("lookup-through-accessor");
	}

	@Test
	void lookupAnsweredDifferentlyWithoutLiquibaseIsAskedThroughLiquibasesAccessor() throws IOException {
		// the fast path's resource loader sees one more root, with another master: what
		// it answers differs from what Liquibase read, so that lookup goes through
		// Liquibase's accessor
		Path other = this.temp.resolve("other");
		Files.createDirectories(other.resolve("db/fast"));
		Files.writeString(other.resolve("db/fast/master.xml"), "another master", StandardCharsets.UTF_8);
		ResourceLoader seesMore = new DefaultResourceLoader(new URLClassLoader(
				new URL[] { this.classpath.toUri().toURL(), other.toUri().toURL() }, getClass().getClassLoader()));
		MigrationSettings settings = settings().build();
		new MigrationEngine(this.database.dataSource(), settings, accessor(), List.of(), WITNESS,
				new FastPath(settings, seesMore), List.of())
			.migrate();
		assertThat(recordedInputs()).contains("lookup-through-accessor\tdb/fast/master.xml")
			.contains("lookup\tdb/fast/one.xml");
		FastPath fastPath = new FastPath(settings, seesMore);
		fastPath.attach(accessor());
		assertThat(check(fastPath)).as("differs in %s", fastPath.difference()).isNotNull();
		write("db/fast/master.xml", read("db/fast/master.xml").replace("<include file=\"db/fast/one.xml\"/>", ""));
		FastPath afterEdit = new FastPath(settings, seesMore);
		afterEdit.attach(accessor());
		assertThat(check(afterEdit)).isNull();
	}

	@Test
	void appendingAChangeSetToAnIncludedFileIsApplied() {
		engine(settings().build()).migrate();
		String one = read("db/fast/one.xml");
		write("db/fast/one.xml", one.replace("</databaseChangeLog>", """
				<changeSet id="5" author="alice">
					<addColumn tableName="customer"><column name="name" type="varchar(20)"/></addColumn>
				</changeSet>
				</databaseChangeLog>"""));
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
	}

	@Test
	void appendingAChangeSetIsAppliedWhenAnInterceptorParsedTheChangeLogBeforeTheUpdate() {
		// lint on boot reads the pending changesets before the update: what that parse
		// read
		// is in the fingerprint too, or a changed file would go unnoticed
		RunInterceptor readsPendingFirst = (run, work) -> {
			run.pending();
			return work.run();
		};
		assertThat(engine(settings().build(), readsPendingFirst).migrate().applied()).isEqualTo(5);
		String one = read("db/fast/one.xml");
		write("db/fast/one.xml", one.replace("</databaseChangeLog>", """
				<changeSet id="5" author="alice">
					<addColumn tableName="customer"><column name="name" type="varchar(20)"/></addColumn>
				</changeSet>
				</databaseChangeLog>"""));
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build(), readsPendingFirst).migrate().applied()).isOne();
	}

	@Test
	void lookupsThroughTheThreadContextClassLoaderMatchOnTheNextBoot() throws Exception {
		// Spring's resource loaders without a class loader of their own (the application
		// context's) resolve through the calling thread's context class loader, as under
		// Boot's launchers: no lookup may run on a thread that has another one
		StringBuilder includes = new StringBuilder();
		for (int i = 0; i < 60; i++) {
			write("db/fast/more/b" + i + ".xml",
					ChangeLogs.xml("<changeSet id=\"b" + i + "\" author=\"bob\"><sql>SELECT 1</sql></changeSet>"));
		}
		Thread thread = Thread.currentThread();
		ClassLoader previous = thread.getContextClassLoader();
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { this.classpath.toUri().toURL() },
				getClass().getClassLoader())) {
			thread.setContextClassLoader(classLoader);
			SpringResourceAccessor contextAccessor = new SpringResourceAccessor(new DefaultResourceLoader());
			MigrationSettings settings = settings().build();
			assertThat(new MigrationEngine(this.database.dataSource(), settings, contextAccessor, List.of(), WITNESS,
					new FastPath(settings))
				.migrate()
				.applied()).isEqualTo(65);
			FastPath fastPath = new FastPath(settings);
			fastPath.attach(contextAccessor);
			assertThat(check(fastPath)).as("differs in %s", fastPath.difference()).isNotNull();
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	@Test
	void aDifferingFingerprintNamesTheInputThatDiffered() {
		engine(settings().build()).migrate();
		write("db/fast/view.sql", "CREATE OR REPLACE VIEW customer_ids AS SELECT id, 1 AS marker FROM customer");
		FastPath fastPath = new FastPath(settings().build());
		fastPath.attach(accessor());
		assertThat(check(fastPath)).isNull();
		assertThat(fastPath.difference()).startsWith("read\t").endsWith("db/fast/view.sql");

		FastPath otherContexts = new FastPath(settings().contexts("other").build());
		otherContexts.attach(accessor());
		assertThat(check(otherContexts)).isNull();
		assertThat(otherContexts.difference()).isEqualTo("spring.liquibase.contexts");
	}

	@Test
	void editingAnAppliedChangeSetIsReportedByLiquibase() {
		engine(settings().build()).migrate();
		write("db/fast/more/a.xml", read("db/fast/more/a.xml").replace("bigint", "int"));
		assertThat(matches(settings().build())).isFalse();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine(settings().build())::migrate)
			.withMessageContaining("checksum");
	}

	@Test
	void newFileInAnIncludeAllFolderIsApplied() {
		engine(settings().build()).migrate();
		write("db/fast/more/b.xml", ChangeLogs.xml("""
				<changeSet id="b" author="bob">
					<createTable tableName="invoice"><column name="id" type="bigint"/></createTable>
				</changeSet>
				"""));
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
		assertThat(this.database.tables()).contains("invoice");
	}

	@Test
	void editedSqlFileOfARunOnChangeChangeSetIsAppliedAgain() {
		engine(settings().build()).migrate();
		write("db/fast/view.sql", "CREATE OR REPLACE VIEW customer_ids AS SELECT id, 1 AS marker FROM customer");
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
		assertThat(this.database.jdbc().queryForList("SELECT marker FROM customer_ids", Integer.class))
			.containsExactly(1);
	}

	@Test
	void editedPropertiesFileIsApplied() {
		engine(settings().build()).migrate();
		write("db/fast/app.properties", "suffix=b\n");
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
		assertThat(this.database.jdbc().queryForList("SELECT id FROM customer_b", Long.class)).containsExactly(1L);
	}

	@Test
	void otherContextsTakeTheFullPath() {
		engine(settings().contexts("prod").build()).migrate();
		assertThat(matches(settings().contexts("prod").build())).isTrue();
		assertThat(matches(settings().contexts("test").build())).isFalse();
		assertThat(engine(settings().contexts("test").build()).migrate().applied()).isOne();
	}

	@Test
	void otherLabelsTakeTheFullPath() {
		engine(settings().labelFilter("!demo").build()).migrate();
		assertThat(matches(settings().labelFilter("!demo").build())).isTrue();
		assertThat(matches(settings().labelFilter("demo").build())).isFalse();
		assertThat(engine(settings().labelFilter("demo").build()).migrate().applied()).isOne();
	}

	@Test
	void otherParametersTakeTheFullPath() {
		engine(settings().build()).migrate();
		Map<String, String> parameters = Map.of("suffix", "c");
		assertThat(matches(settings().parameters(parameters).build())).isFalse();
		assertThat(engine(settings().parameters(parameters).build()).migrate().applied()).isOne();
		assertThat(this.database.jdbc().queryForList("SELECT id FROM customer_c", Long.class)).containsExactly(1L);
	}

	@Test
	void systemPropertyUsedAsParameterTakesTheFullPath() {
		engine(settings().build()).migrate();
		System.setProperty("suffix", "d");
		try {
			assertThat(matches(settings().build())).isFalse();
			assertThat(engine(settings().build()).migrate().applied()).isOne();
		}
		finally {
			System.clearProperty("suffix");
		}
	}

	@Test
	void anotherLiquibaseVersionTakesTheFullPath() {
		MigrationSettings settings = settings().build();
		engine(settings).migrate();
		assertThat(matches(settings)).isTrue();
		FastPath otherVersion = new FastPath(settings, "liquibase 5.1.0 (a test stand-in)");
		otherVersion.attach(accessor());
		assertThat(check(otherVersion)).isNull();
	}

	@Test
	void rowsChangedByOthersTakeTheFullPath() {
		engine(settings().build()).migrate();
		this.database.execute("UPDATE databasechangelog SET md5sum = NULL WHERE id = '1'");
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isZero();
		assertThat(this.database.jdbc()
			.queryForObject("SELECT md5sum FROM databasechangelog WHERE id = '1'", String.class)).isNotNull();
		assertThat(matches(settings().build())).as("recorded again after the full run").isTrue();
	}

	@Test
	void deletedRowIsAppliedAgain() {
		engine(settings().build()).migrate();
		this.database.execute("DROP TABLE orders", "DELETE FROM databasechangelog WHERE id = 'a'");
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
		assertThat(this.database.tables()).contains("orders");
	}

	@Test
	void unexpectedRowFromANewerBuildIsNeverFastPathed() {
		engine(settings().build()).migrate();
		this.database.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, orderexecuted, "
				+ "exectype) VALUES ('99', 'zed', 'db/fast/newer.xml', now(), 99, 'EXECUTED')");
		assertThat(matches(settings().build())).isFalse();
		MigrationEngine engine = engine(settings().build());
		engine.migrate();
		assertThat(engine.status().unexpected()).extracting(ChangeSetInfo::id).containsExactly("99");
		assertThat(matches(settings().build())).as("a run that leaves unexpected changesets records nothing").isFalse();
	}

	@Test
	void runAlwaysChangeSetKeepsTheFullPath() {
		write("db/fast/more/always.xml", ChangeLogs.xml("""
				<changeSet id="always" author="bob" runAlways="true">
					<sql>SELECT 1</sql>
				</changeSet>
				"""));
		engine(settings().build()).migrate();
		assertThat(matches(settings().build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
	}

	@Test
	void changeSetsLeftPendingByATagKeepTheFullPath() {
		write("db/fast/more/tagged.xml", ChangeLogs.xml("""
				<changeSet id="tag" author="bob"><tagDatabase tag="v1"/></changeSet>
				<changeSet id="after-tag" author="bob">
					<createTable tableName="later"><column name="id" type="bigint"/></createTable>
				</changeSet>
				"""));
		MigrationEngine engine = engine(settings().tag("v1").build());
		engine.migrate();
		assertThat(engine.status().pending()).extracting(ChangeSetInfo::id).containsExactly("after-tag");
		assertThat(matches(settings().tag("v1").build())).isFalse();
		assertThat(engine(settings().build()).migrate().applied()).isOne();
	}

	@Test
	void changeLogPreconditionsKeepTheFullPath() {
		write("db/fast/master.xml", ChangeLogs.xml("""
				<preConditions><dbms type="postgresql"/></preConditions>
				<include file="db/fast/one.xml"/>
				"""));
		engine(settings().parameters(Map.of("suffix", "p")).build()).migrate();
		assertThat(matches(settings().parameters(Map.of("suffix", "p")).build())).isFalse();
	}

	@Test
	void dropFirstNeverTakesTheFastPath() {
		engine(settings().build()).migrate();
		FastPath fastPath = new FastPath(settings().dropFirst(true).build());
		assertThat(fastPath.isApplicable()).isFalse();
		fastPath.attach(accessor());
		assertThat(check(fastPath)).isNull();
	}

	@Test
	void failedRunRecordsNothingAndTheNextBootRunsLiquibase() {
		engine(settings().build()).migrate();
		write("db/fast/more/broken.xml", ChangeLogs.xml("""
				<changeSet id="broken" author="bob"><sql>INSERT INTO no_such_table VALUES (1)</sql></changeSet>
				"""));
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine(settings().build())::migrate);
		assertThat(matches(settings().build())).isFalse();
		assertThatExceptionOfType(MigrationException.class).isThrownBy(engine(settings().build())::migrate);
	}

	@Test
	void rowWrittenByAnotherReplicaWhileRecordingRecordsNothing() throws SQLException {
		MigrationSettings settings = settings().build();
		engine(settings).migrate();
		FastPath fastPath = new FastPath(settings);
		fastPath.attach(accessor());
		try (Connection connection = this.database.dataSource().getConnection()) {
			ChangeLogHistory history = fastPath.readHistory(connection);
			this.database.execute("INSERT INTO databasechangelog (id, author, filename, dateexecuted, "
					+ "orderexecuted, exectype) VALUES ('r', 'replica', 'db/fast/newer.xml', now(), 100, 'EXECUTED')");
			assertThat(fastPath.record(connection, history, true)).isFalse();
		}
		assertThat(matches(settings)).isFalse();
	}

	private boolean matches(MigrationSettings settings) {
		ResourceLoader loader = loader();
		FastPath fastPath = new FastPath(settings, loader);
		fastPath.attach(new SpringResourceAccessor(loader));
		return check(fastPath) != null;
	}

	private @Nullable ChangeLogHistory check(FastPath fastPath) {
		try (Connection connection = this.database.dataSource().getConnection()) {
			return fastPath.check(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String recordedInputs() {
		return this.database.jdbc().queryForObject("SELECT inputs FROM bootmigrations_fingerprint", String.class);
	}

	private MigrationSettings.Builder settings() {
		return MigrationSettings.forChangeLog(MASTER);
	}

	private MigrationEngine engine(MigrationSettings settings, RunInterceptor... interceptors) {
		// Liquibase's table lock, so that its lock table witnesses whether Liquibase ran
		ResourceLoader loader = loader();
		return new MigrationEngine(this.database.dataSource(), settings, new SpringResourceAccessor(loader), List.of(),
				WITNESS, new FastPath(settings, loader), List.of(interceptors));
	}

	private SpringResourceAccessor accessor() {
		return new SpringResourceAccessor(loader());
	}

	private ResourceLoader loader() {
		try {
			URLClassLoader classLoader = new URLClassLoader(new URL[] { this.classpath.toUri().toURL() },
					getClass().getClassLoader());
			return new DefaultResourceLoader(classLoader);
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String path, String content) {
		try {
			Path file = this.classpath.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private String read(String path) {
		try {
			return Files.readString(this.classpath.resolve(path), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
