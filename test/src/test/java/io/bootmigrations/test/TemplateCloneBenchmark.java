package io.bootmigrations.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.schema.ScratchDatabase;
import io.bootmigrations.schema.ScratchSpace;

/**
 * Benchmark, not a test (its name keeps it out of the build; run it with
 * {@code test/src/benchmark/run.sh}): a fresh migrated database per test class for a
 * 1,000-changeset changelog, made by a full migration or by cloning the template. Prints
 * the medians in ms per database and their ratio; asserts nothing.
 */
class TemplateCloneBenchmark {

	private static final int CHANGESETS = Integer.getInteger("benchmark.changesets", 1000);

	private static final int FULL_RUNS = Integer.getInteger("benchmark.full-runs", 5);

	private static final int CLONE_RUNS = Integer.getInteger("benchmark.clone-runs", 20);

	@TempDir
	Path directory;

	@Test
	void templateCloneVersusFullMigration() throws IOException {
		Files.writeString(this.directory.resolve("changelog.xml"), changeLog(CHANGESETS), StandardCharsets.UTF_8);
		ResourceAccessor accessor = new DirectoryResourceAccessor(this.directory);
		MigrationSettings settings = MigrationSettings.forChangeLog("changelog.xml").build();
		MigratedDatabase database = TestServer.migrated("unused");
		ScratchSpace space = database.space();

		long start = System.nanoTime();
		String template = TemplateDatabases.template(space, database.server(), settings, accessor);
		long templateMs = (System.nanoTime() - start) / 1_000_000;
		fullMigration(space, settings, accessor);
		clone(space, template);
		// interleaved, so that both see the same load on the machine
		List<Long> full = new ArrayList<>();
		List<Long> clones = new ArrayList<>();
		for (int i = 0; i < FULL_RUNS; i++) {
			full.add(fullMigration(space, settings, accessor));
			for (int j = 0; j < CLONE_RUNS / FULL_RUNS; j++) {
				clones.add(clone(space, template));
			}
		}

		long fullMedian = median(full);
		long cloneMedian = median(clones);
		System.out.printf("%nBENCHMARK fresh migrated PostgreSQL database, %d changesets%n", CHANGESETS);
		System.out.printf("  full migration (CREATE DATABASE + migrate): median %d ms per database over %d runs %s%n",
				fullMedian, FULL_RUNS, full);
		System.out.printf("  template clone (CREATE DATABASE ... TEMPLATE): median %d ms per database over %d runs %s%n",
				cloneMedian, clones.size(), clones);
		System.out.printf("  template built once (or found) in %d ms%n", templateMs);
		System.out.printf("  ratio full / clone: %.1fx%n%n", (double) fullMedian / Math.max(1, cloneMedian));
	}

	private static long fullMigration(ScratchSpace space, MigrationSettings settings, ResourceAccessor accessor) {
		long start = System.nanoTime();
		try (ScratchDatabase scratch = space.create()) {
			new MigrationEngine(scratch.dataSource(), settings, accessor, List.of()).migrate();
			return (System.nanoTime() - start) / 1_000_000;
		}
	}

	private static long clone(ScratchSpace space, String template) {
		long start = System.nanoTime();
		try (ScratchDatabase scratch = space.create(template)) {
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
		StringBuilder xml = new StringBuilder("""
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
