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

package io.bootmigrations.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.sample.JarProcess.Result;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static io.bootmigrations.sample.JarProcess.assertExit;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code drift} and {@code verify-rollbacks} through the packaged sample jar on real
 * PostgreSQL: exit status, text and JSON output, the missing privilege, and the scratch
 * database dropped when the process is stopped midway.
 */
class SchemaCommandsJarIntegrationTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("jarschema");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void driftExitsZeroWhenEqualAndOneNamingEachDifference() {
		assertExit(command("upgrade", "--migrations.target=1.0"), 0);
		Result pendingOnly = command("drift");
		assertExit(pendingOnly, 0);
		assertThat(pendingOnly.out()).contains("OK: schema 'public' is what the 4 applied changesets produce.");

		this.database.execute("ALTER TABLE note ADD COLUMN hotfix int", "DROP INDEX idx_note_created_at");
		Result drift = command("drift");
		assertExit(drift, 1);
		assertThat(drift.out()).contains("DRIFT: schema 'public' differs",
				"  note.hotfix: column in the database, not in the migrations",
				"  note.idx_note_created_at: index in the migrations, not in the database");
		Result json = command("drift", "--migrations.output=json");
		assertExit(json, 1);
		assertThat(json.out()).startsWith("{\"command\":\"drift\",\"exitCode\":1,\"ok\":false")
			.contains("{\"kind\":\"column\",\"name\":\"note.hotfix\",\"database\":\"integer\",\"migrations\":null,");
		assertExit(command("drift", "--migrations.drift.exclude=note.hotfix,note.idx_*"), 0);
	}

	@Test
	void verifyRollbacksPassesForTheSampleAndNamesALeakyRollbackWithoutTouchingTheDatabase() throws IOException {
		Result verified = command("verify-rollbacks");
		assertExit(verified, 0);
		assertThat(verified.out()).contains("OK: every rollback restores the schema (6 changesets");
		Path leaky = this.directory.resolve("leaky.yaml");
		Files.writeString(leaky, """
				databaseChangeLog:
				  - changeSet:
				      id: 1-t
				      author: tests
				      changes:
				        - createTable: { tableName: t_0001, columns: [ { column: { name: id, type: int } } ] }
				  - changeSet:
				      id: 2-extra
				      author: tests
				      changes:
				        - addColumn: { tableName: t_0001, columns: [ { column: { name: extra, type: int } } ] }
				      rollback:
				        - sql: { sql: SELECT 1 }
				""");
		Result leak = command("verify-rollbacks", "--spring.liquibase.change-log=file:" + leaky);
		assertExit(leak, 1);
		assertThat(leak.out()).contains("FAILED: changeset", "2-extra", "leaky-rollback: column t_0001.extra remains");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void userWithoutCreateDbIsToldThePrivilegeOrToSetTheScratchUrl() {
		assertExit(command("upgrade"), 0);
		String role = "bm_jar_nocreatedb_" + UUID.randomUUID().toString().substring(0, 8);
		this.database.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB",
				"GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + role);
		try {
			Map<String, String> env = JarProcess.env(this.database);
			env.put("SPRING_DATASOURCE_USERNAME", role);
			Result refused = JarProcess.run(env, "--migrations.command=drift");
			assertExit(refused, 2);
			assertThat(refused.err()).contains("lacks the CREATEDB privilege", "migrations.scratch.url");
			Result withScratch = JarProcess.run(env, "--migrations.command=drift",
					"--migrations.scratch.url=" + this.database.jdbcUrl(),
					"--migrations.scratch.username=" + this.database.username(),
					"--migrations.scratch.password=" + this.database.password());
			assertExit(withScratch, 0);
		}
		finally {
			this.database.execute("DROP OWNED BY " + role, "DROP ROLE " + role);
		}
	}

	@Test
	void stoppingVerifyRollbacksMidwayDropsItsScratchDatabase() throws Exception {
		// the slow statement carries a token: it tells this run's scratch database from
		// those of jar tests running beside it on the same server
		String token = "stop_" + UUID.randomUUID().toString().replace("-", "");
		Path slow = this.directory.resolve("slow.yaml");
		Files.writeString(slow, """
				databaseChangeLog:
				  - changeSet:
				      id: 1-slow
				      author: tests
				      changes:
				        - sql: { sql: "SELECT pg_sleep(60), '%s'" }
				      rollback:
				        - sql: { sql: SELECT 1 }
				""".formatted(token));
		Process process = JarProcess.start(JarProcess.env(this.database), "--migrations.command=verify-rollbacks",
				"--spring.liquibase.change-log=file:" + slow);
		drain(process.getInputStream());
		drain(process.getErrorStream());
		try {
			waitFor(() -> scratchDatabaseRunning(token) != null, Duration.ofSeconds(90));
			String scratch = scratchDatabaseRunning(token);
			assertThat(scratch).as("the scratch database of the running check").isNotNull();
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			waitFor(() -> !scratchDatabases().contains(scratch), Duration.ofSeconds(30));
			assertThat(scratchDatabases()).doesNotContain(scratch);
		}
		finally {
			process.destroyForcibly();
		}
	}

	private List<String> scratchDatabases() {
		return this.database.jdbc()
			.queryForList("SELECT datname FROM pg_database WHERE datname LIKE 'bm\\_scratch\\_%'", String.class);
	}

	/**
	 * The scratch database in which a session is running the statement with the given
	 * token.
	 * @param token the token
	 * @return the database's name, or {@code null}
	 */
	private String scratchDatabaseRunning(String token) {
		List<String> names = this.database.jdbc()
			.queryForList("SELECT datname FROM pg_stat_activity WHERE datname LIKE 'bm\\_scratch\\_%' AND query LIKE ?",
					String.class, "%" + token + "%");
		return names.isEmpty() ? null : names.get(0);
	}

	private static void drain(java.io.InputStream stream) {
		Thread drainer = new Thread(() -> {
			try (stream) {
				stream.transferTo(java.io.OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				// the process is gone
			}
		});
		drainer.setDaemon(true);
		drainer.start();
	}

	private static void waitFor(Supplier<Boolean> condition, Duration timeout) throws InterruptedException {
		Instant deadline = Instant.now().plus(timeout);
		while (!condition.get() && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}
	}

	private Result command(String name, String... options) {
		String[] args = new String[options.length + 1];
		args[0] = "--migrations.command=" + name;
		System.arraycopy(options, 0, args, 1, options.length);
		return JarProcess.run(JarProcess.env(this.database), args);
	}

}
