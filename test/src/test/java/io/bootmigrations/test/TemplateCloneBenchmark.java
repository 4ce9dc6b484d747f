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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.schema.ScratchDatabase;
import io.bootmigrations.schema.ScratchSpace;

/**
 * Benchmark, not a test (its name keeps it out of the build; run it with
 * {@code test/src/benchmark/run.sh}): a fresh migrated database per test class for a
 * 1,000-changeset changelog, made by a full migration, by cloning the template on demand
 * ({@code STRATEGY WAL_LOG} and {@code FILE_COPY}), and handed out by
 * {@link MigratedDatabase} from its pool of clones made in the background during a
 * simulated test run. Prints the medians in ms per database and the ratios; asserts
 * nothing.
 */
class TemplateCloneBenchmark {

	private static final int CHANGESETS = Integer.getInteger("benchmark.changesets", 1000);

	private static final int FULL_RUNS = Integer.getInteger("benchmark.full-runs", 5);

	private static final int CLONE_RUNS = Integer.getInteger("benchmark.clone-runs", 10);

	private static final int CLASSES = Integer.getInteger("benchmark.classes", 20);

	private static final int CLASS_MS = Integer.getInteger("benchmark.class-ms", 1000);

	private static final int POOL_SIZE = Integer.getInteger("benchmark.pool-size", MigratedDatabase.DEFAULT_POOL_SIZE);

	@TempDir
	Path directory;

	@Test
	void templateCloneVersusFullMigration() throws IOException {
		Files.writeString(this.directory.resolve("changelog.xml"), changeLog(CHANGESETS), StandardCharsets.UTF_8);
		ResourceAccessor accessor = new DirectoryResourceAccessor(this.directory);
		MigrationSettings settings = MigrationSettings.forChangeLog("changelog.xml").build();
		MigratedDatabase server = TestServer.migrated("unused");
		ScratchSpace space = server.space();

		long start = System.nanoTime();
		String template = TemplateDatabases.template(space, server.server(), settings, accessor);
		long templateMs = (System.nanoTime() - start) / 1_000_000;
		fullMigration(space, settings, accessor);
		clone(space, template, null);
		// interleaved, so that all see the same load on the machine
		List<Long> full = new ArrayList<>();
		List<Long> walLog = new ArrayList<>();
		List<Long> fileCopy = new ArrayList<>();
		for (int i = 0; i < FULL_RUNS; i++) {
			full.add(fullMigration(space, settings, accessor));
			for (int j = 0; j < Math.max(1, CLONE_RUNS / FULL_RUNS); j++) {
				walLog.add(clone(space, template, CloneStrategy.WAL_LOG));
				fileCopy.add(clone(space, template, CloneStrategy.FILE_COPY));
			}
		}
		List<Long> pooledWalLog = testRun(server, settings, accessor, CloneStrategy.WAL_LOG);
		List<Long> pooledFileCopy = testRun(server, settings, accessor, CloneStrategy.FILE_COPY);

		long fullMedian = median(full);
		System.out.printf("%nBENCHMARK fresh migrated PostgreSQL database, %d changesets (template built once, or "
				+ "found, in %d ms)%n", CHANGESETS, templateMs);
		System.out.printf("  full migration (CREATE DATABASE + migrate): median %d ms per database over %d runs %s%n",
				fullMedian, full.size(), full);
		print("clone on demand, STRATEGY WAL_LOG (CREATE DATABASE ... TEMPLATE)", walLog, fullMedian);
		print("clone on demand, STRATEGY FILE_COPY", fileCopy, fullMedian);
		System.out.printf(
				"  pooled (MigratedDatabase, pool of %d made in the background): a test run of %d test "
						+ "classes, each using its database for %d ms; time each class waits in beforeAll + afterAll%n",
				POOL_SIZE, CLASSES, CLASS_MS);
		print("pooled, STRATEGY WAL_LOG", pooledWalLog, fullMedian);
		print("pooled, STRATEGY FILE_COPY", pooledFileCopy, fullMedian);
		System.out.println("END BENCHMARK");
	}

	/**
	 * A test run: one test class after the other, each with a MigratedDatabase of its own
	 * (a static field in a real suite), using its database for CLASS_MS ms. Returns how
	 * long each class waited for its database (beforeAll) and for giving it back
	 * (afterAll).
	 */
	private static List<Long> testRun(MigratedDatabase server, MigrationSettings settings, ResourceAccessor accessor,
			CloneStrategy strategy) {
		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < CLASSES; i++) {
			MigratedDatabase database = MigratedDatabase.forSettings(settings, accessor)
				.onServer(server.serverUrl(), server.username(), server.password())
				.poolSize(POOL_SIZE)
				.cloneStrategy(strategy);
			long start = System.nanoTime();
			database.beforeAll(null);
			long handedOut = System.nanoTime() - start;
			useFor(database.dataSource(), CLASS_MS);
			start = System.nanoTime();
			database.afterAll(null);
			waits.add((handedOut + System.nanoTime() - start) / 1_000_000);
		}
		ClonePool.awaitBackground(600);
		return waits;
	}

	/** The test class's own work: queries on its database, with pauses, for a while. */
	private static void useFor(DataSource dataSource, int millis) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		long end = System.nanoTime() + millis * 1_000_000L;
		int i = 0;
		while (System.nanoTime() < end) {
			String table = String.format("t_%04d", i++ % Math.max(1, CHANGESETS / 4));
			jdbc.update("INSERT INTO " + table + " (id, name) VALUES (?, 'test')", 1000 + i);
			jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static void print(String what, List<Long> millis, long fullMedian) {
		long median = median(millis);
		double mean = millis.stream().mapToLong(Long::longValue).average().orElse(0);
		System.out.printf("  %s: median %d ms per database (mean %.0f) over %d, ratio full / this %.1fx %s%n", what,
				median, mean, millis.size(), (double) fullMedian / Math.max(1, median), millis);
	}

	private static long fullMigration(ScratchSpace space, MigrationSettings settings, ResourceAccessor accessor) {
		long start = System.nanoTime();
		try (ScratchDatabase scratch = space.create()) {
			new MigrationEngine(scratch.dataSource(), settings, accessor, List.of()).migrate();
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	private static long clone(ScratchSpace space, String template, @Nullable CloneStrategy strategy) {
		long start = System.nanoTime();
		try (ScratchDatabase scratch = space.createDatabase(
				ScratchSpace.PREFIX + System.currentTimeMillis() / 1000 + "_bench" + System.nanoTime() % 100000,
				template, (strategy != null) ? strategy.name() : null)) {
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	/** Tables of four changesets each: create, add a column, index it, insert a row. */
	private static String changeLog(int changeSets) {
		StringBuilder xml = new StringBuilder(
				"""
						<?xml version="1.0" encoding="UTF-8"?>
						<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
								xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
								xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
						""");
		for (int i = 0; i < changeSets; i++) {
			String table = String.format("t_%04d", i / 4);
			xml.append("<changeSet id=\"").append(i).append("\" author=\"bench\">");
			xml.append(switch (i % 4) {
				case 0 -> "<createTable tableName=\"" + table + "\"><column name=\"id\" type=\"bigint\">"
						+ "<constraints primaryKey=\"true\"/></column><column name=\"name\" type=\"varchar(100)\"/>"
						+ "</createTable>";
				case 1 -> "<addColumn tableName=\"" + table + "\"><column name=\"amount\" type=\"numeric(10,2)\" "
						+ "defaultValueNumeric=\"0\"/></addColumn>";
				case 2 -> "<createIndex tableName=\"" + table + "\" indexName=\"" + table + "_name_idx\">"
						+ "<column name=\"name\"/></createIndex>";
				default -> "<insert tableName=\"" + table + "\"><column name=\"id\" valueNumeric=\"1\"/>"
						+ "<column name=\"name\" value=\"row\"/></insert>";
			});
			xml.append("</changeSet>\n");
		}
		return xml.append("</databaseChangeLog>\n").toString();
	}

}
