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
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import liquibase.integration.spring.SpringResourceAccessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replicas of a new build start at the same moment, each a JVM of its own: all see a
 * changed changelog, the new changeset is applied exactly once, every replica succeeds
 * whatever the order in which they record their fingerprints, and the next boot takes the
 * fast path.
 */
class FastPathReplicasIntegrationTests {

	private static final String MASTER = "db/replicas/master.xml";

	@TempDir
	Path classpath;

	private TestDatabase database;

	@BeforeEach
	void createDatabase() throws IOException {
		this.database = TestDatabaseServer.postgres().create("replicas");
		write("db/replicas/master.xml", ChangeLogs.xml("""
				<changeSet id="1" author="alice">
					<createTable tableName="customer"><column name="id" type="bigint"/></createTable>
				</changeSet>
				"""));
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void replicasOfANewBuildApplyItOnceAndLeaveAMatchingFingerprint() throws Exception {
		assertThat(run(1)).containsExactly("REPLICA applied=1 outcome=SUCCEEDED");
		write("db/replicas/master.xml", ChangeLogs.xml("""
				<changeSet id="1" author="alice">
					<createTable tableName="customer"><column name="id" type="bigint"/></createTable>
				</changeSet>
				<changeSet id="2" author="alice">
					<addColumn tableName="customer"><column name="name" type="varchar(20)"/></addColumn>
				</changeSet>
				"""));
		List<String> outputs = run(3);
		assertThat(outputs).hasSize(3).allSatisfy((line) -> assertThat(line).endsWith("outcome=SUCCEEDED"));
		assertThat(outputs).filteredOn((line) -> line.contains("applied=1")).hasSize(1);
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isEqualTo(2);
		FastPath fastPath = new FastPath(MigrationSettings.forChangeLog(MASTER).build());
		fastPath.attach(new SpringResourceAccessor(
				new DefaultResourceLoader(new URLClassLoader(new URL[] { this.classpath.toUri().toURL() }, null))));
		try (Connection connection = this.database.dataSource().getConnection()) {
			assertThat(fastPath.check(connection)).isNotNull();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private List<String> run(int replicas) throws Exception {
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < replicas; i++) {
			ProcessBuilder builder = new ProcessBuilder(
					Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
					System.getProperty("java.class.path"), FastPathReplica.class.getName(), this.classpath.toString(),
					MASTER)
				.redirectErrorStream(true);
			builder.environment().put("REPLICA_URL", this.database.jdbcUrl());
			builder.environment().put("REPLICA_USER", this.database.username());
			builder.environment().put("REPLICA_PASSWORD", this.database.password());
			processes.add(builder.start());
		}
		List<String> results = new ArrayList<>();
		for (Process process : processes) {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as(output).isZero();
			output.lines().filter((line) -> line.startsWith("REPLICA ")).forEach(results::add);
		}
		return results;
	}

	private void write(String path, String content) throws IOException {
		Path file = this.classpath.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
