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

package io.bootmigrations.test;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.JdbcTemplate;

import io.bootmigrations.schema.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClonePool} on a real PostgreSQL server: clones made ahead of time are
 * handed out once, dropped after use, and a killed run's clones are dropped by the next
 * run.
 */
class ClonePoolTests {

	private static final String CHANGELOG = "classpath:db/library/changelog.xml";

	@Test
	void eachCloneIsHandedOutOnceAndDroppedAfterUse() throws Exception {
		MigratedDatabase database = TestServer.migrated(CHANGELOG);
		String template = database.templateName();
		ClonePool pool = ClonePool.of(database.server(), "handed-out-once " + template, database.space(), template,
				null, 3);
		ExecutorService tests = Executors.newFixedThreadPool(3);
		List<ScratchDatabase> taken = new ArrayList<>();
		try {
			List<Future<ScratchDatabase>> takes = new ArrayList<>();
			for (int i = 0; i < 9; i++) {
				takes.add(tests.submit(pool::take));
			}
			for (Future<ScratchDatabase> take : takes) {
				taken.add(take.get(120, TimeUnit.SECONDS));
			}
		}
		finally {
			tests.shutdown();
		}
		Set<String> names = new HashSet<>();
		taken.forEach((clone) -> names.add(clone.name()));
		assertThat(names).as("every clone handed out once")
			.hasSize(9)
			.allMatch((name) -> name.startsWith(ClonePool.PREFIX + ClonePool.run() + "_"));
		for (ScratchDatabase clone : taken) {
			assertThat(new JdbcTemplate(clone.dataSource()).queryForObject("SELECT name FROM author WHERE id = 1",
					String.class))
				.isEqualTo("Ursula");
		}
		assertThat(ClonePool.awaitBackground(120)).isTrue();
		assertThat(pool.waiting()).as("clones made ahead, at most the pool's size").isEqualTo(3);
		assertThat(databases(database.server(), ClonePool.PREFIX + ClonePool.run() + "_")).containsAll(names);
		taken.forEach(pool::release);
		assertThat(ClonePool.awaitBackground(120)).isTrue();
		assertThat(databases(database.server(), ClonePool.PREFIX + ClonePool.run() + "_"))
			.as("dropped after use, in the background")
			.doesNotContainAnyElementsOf(names);
		ScratchDatabase next = pool.take();
		assertThat(names).as("a released clone is never handed out again").doesNotContain(next.name());
		pool.release(next);
	}

	@Test
	void aKilledRunLeavesNothingBehindAfterTheNextRunAndALiveRunKeepsItsClones() throws Exception {
		MigratedDatabase database = TestServer.migrated(CHANGELOG);
		DataSource server = database.server();
		String template = database.templateName();
		ClonePool live = ClonePool.of(server, "live " + template, database.space(), template, null, 1);
		ScratchDatabase kept = live.take();
		assertThat(ClonePool.awaitBackground(120)).isTrue();

		ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
				ClonePoolChild.class.getName())
			.redirectErrorStream(true);
		// the same server as this JVM's, also when it is an embedded one
		builder.environment().put("CHILD_POSTGRES_URL", database.serverUrl());
		builder.environment().put("CHILD_POSTGRES_USER", String.valueOf(database.username()));
		builder.environment().put("CHILD_POSTGRES_PASSWORD", String.valueOf(database.password()));
		Process child = builder.start();
		String run = null;
		List<String> output = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = out.readLine()) != null) {
				output.add(line);
				if (line.startsWith("POOL READY ")) {
					run = line.substring("POOL READY ".length()).trim();
					break;
				}
			}
			assertThat(run).as("the child's output: %s", output).isNotNull();
			List<String> childClones = databases(server, ClonePool.PREFIX + run + "_");
			assertThat(childClones).as("the child's clone in use and the two made ahead").hasSize(3);
			child.destroyForcibly();
			assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			child.destroyForcibly();
		}
		awaitNoSession(server, ClonePool.PREFIX + run);
		assertThat(databases(server, ClonePool.PREFIX + run + "_")).as("a killed run leaves its clones").hasSize(3);

		String killed = run;
		List<String> dropped = ClonePool.dropStale(server);
		assertThat(databases(server, ClonePool.PREFIX + run + "_")).as("dropped by the next run").isEmpty();
		assertThat(dropped).hasSize(3).allMatch((name) -> name.startsWith(ClonePool.PREFIX + killed + "_"));
		assertThat(databases(server, ClonePool.PREFIX + ClonePool.run() + "_")).as("this live run's clones stay")
			.contains(kept.name());
		live.release(kept);
	}

	static List<String> databases(DataSource server, String prefix) {
		String like = prefix.replace("\\", "\\\\").replace("_", "\\_").replace("%", "\\%") + "%";
		return new JdbcTemplate(server)
			.queryForList("SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY datname", String.class, like);
	}

	private static void awaitNoSession(DataSource server, String applicationName) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		JdbcTemplate jdbc = new JdbcTemplate(server);
		while (jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE application_name = ?", Integer.class,
				applicationName) > 0) {
			assertThat(Instant.now()).as("the killed run's session ends").isBefore(deadline);
			Thread.sleep(100);
		}
	}

	private static String javaExecutable() {
		return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
	}

	/**
	 * A test run that is killed: takes a clone, lets the pool make two ahead, says so,
	 * and waits to be killed.
	 */
	static final class ClonePoolChild {

		public static void main(String[] args) throws IOException, InterruptedException {
			String password = System.getenv("CHILD_POSTGRES_PASSWORD");
			MigratedDatabase database = MigratedDatabase.forChangeLog(CHANGELOG)
				.onServer(System.getenv("CHILD_POSTGRES_URL"), System.getenv("CHILD_POSTGRES_USER"),
						"null".equals(password) ? null : password)
				.poolSize(2);
			database.beforeAll(null);
			ClonePool.awaitBackground(120);
			System.out.println("POOL READY " + ClonePool.run());
			System.out.flush();
			Thread.sleep(Duration.ofMinutes(5).toMillis());
		}

	}

}
