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

package io.bootmigrations.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the benchmark: generates changelogs of N changesets (mixed createTable, addColumn,
 * createIndex and insert, in files of 10), then for every round and every N boots the
 * same app as separate JVMs three ways in random order on a copy of an already-migrated
 * PostgreSQL database (made once, after which one warm-up boot of each way is not
 * counted): without migrations, with Spring Boot's own Liquibase support
 * ({@code migrations.enabled=false}) and with this starter. Prints medians and ratios,
 * and what each way adds to the app without migrations paired round by round, in time to
 * ready and in CPU time. Then compares a first apply of the largest first-apply N against
 * {@code psql -f} of Liquibase's own {@code update-sql} output, and measures status
 * endpoint latency at the largest N.
 * <p>
 * With {@code --tenants=N} it runs the tenant benchmark instead
 * ({@link TenantsBenchmark}).
 * <p>
 * Arguments (all optional): {@code --ns=10,100,1000,5000 --rounds=11 --first-apply=1000
 * --postgres=jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres --psql=psql
 * --work=target/bench --jar=target/boot-migrations-benchmark.jar}. With {@code --jar} the
 * app is the packaged fat jar ({@code java -Dloader.path=<changelogs> -jar app.jar});
 * without it, the class path of this JVM is the class path of the app.
 */
public final class BenchmarkRunner {

	private static final Pattern METRIC = Pattern.compile("([a-z_]+)=([^\\s]+)");

	private static final List<String> MODES = List.of("none", "boot", "starter");

	private final Map<String, String> options;

	private final String postgres;

	private final Path work;

	private BenchmarkRunner(Map<String, String> options) {
		this.options = options;
		this.postgres = options.getOrDefault("postgres", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
		this.work = Path.of(options.getOrDefault("work", "target/bench")).toAbsolutePath();
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (String arg : args) {
			String[] pair = arg.replaceFirst("^--", "").split("=", 2);
			options.put(pair[0], (pair.length > 1) ? pair[1] : "true");
		}
		new BenchmarkRunner(options).run();
	}

	private void run() throws Exception {
		if (this.options.containsKey("tenants")) {
			new TenantsBenchmark(this, this.options).run();
			return;
		}
		List<Integer> ns = Arrays.stream(this.options.getOrDefault("ns", "10,100,1000,5000").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		int rounds = Integer.parseInt(this.options.getOrDefault("rounds", "11"));
		int firstApply = Integer.parseInt(this.options.getOrDefault("first-apply", "1000"));
		Random random = new Random(42);
		System.out.println("# Machine: " + machine());
		Map<Integer, Map<String, List<Map<String, Double>>>> results = new TreeMap<>();
		for (int n : ns) {
			generate(n);
			String template = "bench_template_" + n;
			recreate(template, null);
			Map<String, Double> primed = boot(n, template, "starter", List.of());
			System.out.printf(Locale.ROOT, "# primed %d changesets: %s%n", n, primed);
			results.put(n, new LinkedHashMap<>());
		}
		// a no-op restart changes nothing that any mode reads, so every boot of a round
		// runs on one copy of the migrated database, made once: copying a database right
		// before a boot would put the copy's disk writes into the boot's time
		for (int n : ns) {
			recreate("bench_run_" + n, "bench_template_" + n);
			for (String mode : MODES) {
				System.out.printf(Locale.ROOT, "# warm-up n=%d %s (not counted): %s%n", n, mode,
						boot(n, "bench_run_" + n, mode, List.of()));
			}
		}
		for (int round = 1; round <= rounds; round++) {
			for (int n : ns) {
				List<String> modes = new ArrayList<>(MODES);
				Collections.shuffle(modes, random);
				for (String mode : modes) {
					Map<String, Double> metrics = boot(n, "bench_run_" + n, mode, List.of());
					results.get(n).computeIfAbsent(mode, (key) -> new ArrayList<>()).add(metrics);
					System.out.printf(Locale.ROOT, "# round %d n=%d %s: %s%n", round, n, mode, metrics);
				}
			}
		}
		printRestartTable(results);
		printAddedTable(results);
		if (firstApply > 0) {
			firstApply(firstApply, Integer.parseInt(this.options.getOrDefault("first-apply-rounds", "5")), random);
		}
		int largest = Collections.max(ns);
		String database = "bench_run_" + largest;
		recreate(database, "bench_template_" + largest);
		System.out.println();
		System.out.println("## Status endpoints at " + largest
				+ " applied changesets (starter app, real HTTP on localhost, paths called in turn, median of 200 rounds after 50 warm-up; liveness is the HTTP floor)");
		boot(largest, database, "starter", List.of("--bench.endpoints=true"));
		dropAll(ns);
	}

	private void dropAll(List<Integer> ns) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.postgres);
				Statement statement = connection.createStatement()) {
			for (int n : ns) {
				statement.execute("DROP DATABASE IF EXISTS bench_run_" + n + " WITH (FORCE)");
				statement.execute("DROP DATABASE IF EXISTS bench_template_" + n + " WITH (FORCE)");
			}
			statement.execute("DROP DATABASE IF EXISTS bench_first WITH (FORCE)");
			statement.execute("DROP DATABASE IF EXISTS bench_sql WITH (FORCE)");
		}
	}

	/**
	 * What each mode adds to the app without migrations, paired round by round (the three
	 * boots of a round run one after the other, so that a slow phase of the machine falls
	 * on all three): the median of the per-round differences, for the time to ready and
	 * for the CPU time used until ready.
	 */
	private void printAddedTable(Map<Integer, Map<String, List<Map<String, Double>>>> results) {
		System.out.println();
		System.out.println(
				"## No-op restart, paired by round (median of the per-round differences from the app without migrations)");
		System.out.println();
		System.out.println(
				"| N | rounds | Boot added: ready ms | starter added: ready ms | starter / Boot (ready) | Boot added: CPU ms | starter added: CPU ms | starter / Boot (CPU) | starter / Boot (migration phase) |");
		System.out.println("|---|---|---|---|---|---|---|---|---|");
		results.forEach((n, byMode) -> {
			double bootReady = medianOf(added(byMode, "boot", "ready_ms"));
			double starterReady = medianOf(added(byMode, "starter", "ready_ms"));
			double bootCpu = medianOf(added(byMode, "boot", "cpu_ms"));
			double starterCpu = medianOf(added(byMode, "starter", "cpu_ms"));
			double phase = median(byMode.get("starter"), "migration_ms") / median(byMode.get("boot"), "migration_ms");
			System.out.printf(Locale.ROOT, "| %d | %d | %.0f | %.0f | %.1f %% | %.0f | %.0f | %.1f %% | %.1f %% |%n", n,
					byMode.get("none").size(), bootReady, starterReady, 100 * starterReady / bootReady, bootCpu,
					starterCpu, 100 * starterCpu / bootCpu, 100 * phase);
		});
		System.out.println();
		results.forEach((n, byMode) -> System.out.printf(Locale.ROOT,
				"Per round at %d, ready ms added by Boot: %s; by the starter: %s%n", n,
				whole(added(byMode, "boot", "ready_ms")), whole(added(byMode, "starter", "ready_ms"))));
	}

	private static List<Double> added(Map<String, List<Map<String, Double>>> byMode, String mode, String metric) {
		List<Double> added = new ArrayList<>();
		List<Map<String, Double>> none = byMode.get("none");
		List<Map<String, Double>> with = byMode.get(mode);
		for (int round = 0; round < none.size(); round++) {
			added.add(with.get(round).getOrDefault(metric, 0.0) - none.get(round).getOrDefault(metric, 0.0));
		}
		return added;
	}

	private static String whole(List<Double> values) {
		return String.join(", ", values.stream().map((value) -> String.format(Locale.ROOT, "%.0f", value)).toList());
	}

	private void printRestartTable(Map<Integer, Map<String, List<Map<String, Double>>>> results) {
		System.out.println();
		System.out.println("## No-op restart (medians; added = time to ready minus the app without migrations)");
		System.out.println();
		System.out.println(
				"| N | no migrations: ready ms | Boot: ready ms | starter: ready ms | Boot added ms | starter added ms | starter/Boot added | ready ratio Boot | ready ratio starter | migration phase ms Boot / starter | migration alloc MB Boot / starter | RSS MB none / Boot / starter |");
		System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
		results.forEach((n, byMode) -> {
			double none = median(byMode.get("none"), "ready_ms");
			double boot = median(byMode.get("boot"), "ready_ms");
			double starter = median(byMode.get("starter"), "ready_ms");
			System.out.printf(Locale.ROOT,
					"| %d | %.0f | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f× | %.2f× | %.0f / %.1f | %.1f / %.1f | %.0f / %.0f / %.0f |%n",
					n, none, boot, starter, boot - none, starter - none, (starter - none) / (boot - none), boot / none,
					starter / none, median(byMode.get("boot"), "migration_ms"),
					median(byMode.get("starter"), "migration_ms"), median(byMode.get("boot"), "migration_alloc_mb"),
					median(byMode.get("starter"), "migration_alloc_mb"), median(byMode.get("none"), "rss_mb"),
					median(byMode.get("boot"), "rss_mb"), median(byMode.get("starter"), "rss_mb"));
		});
	}

	private void firstApply(int n, int rounds, Random random) throws Exception {
		generate(n);
		Path sql = this.work.resolve("update-" + n + ".sql");
		recreate("bench_sql", null);
		java(List.of(UpdateSql.class.getName(), url("bench_sql"), "db/bench/master.xml", sql.toString()), n);
		Map<String, List<Double>> samples = new LinkedHashMap<>();
		for (int round = 1; round <= rounds; round++) {
			List<String> modes = new ArrayList<>(List.of("psql", "boot", "starter"));
			Collections.shuffle(modes, random);
			for (String mode : modes) {
				recreate("bench_first", null);
				double millis;
				if (mode.equals("psql")) {
					millis = psql("bench_first", sql);
				}
				else {
					millis = boot(n, "bench_first", mode, List.of()).get("migration_ms");
				}
				samples.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(millis);
				System.out.printf(Locale.ROOT, "# first apply round %d %s: %.0f ms%n", round, mode, millis);
			}
		}
		double psql = medianOf(samples.get("psql"));
		double boot = medianOf(samples.get("boot"));
		double starter = medianOf(samples.get("starter"));
		System.out.println();
		System.out.println("## First apply of " + n + " changesets onto an empty database (medians)");
		System.out.println();
		System.out.println(
				"| psql -f of update-sql ms | Boot migration phase ms | starter migration phase ms | Boot / psql | starter / psql | starter / Boot |");
		System.out.println("|---|---|---|---|---|---|");
		System.out.printf(Locale.ROOT, "| %.0f | %.0f | %.0f | %.2f× | %.2f× | %.2f× |%n", psql, boot, starter,
				boot / psql, starter / psql, starter / boot);
	}

	Map<String, Double> boot(int n, String database, String mode, List<String> extra) throws Exception {
		List<String> command = new ArrayList<>();
		String jar = this.options.get("jar");
		if (jar != null) {
			// the packaged fat jar, as users run it: java -jar, its libraries nested in
			// it; its
			// Main-Class is PropertiesLauncher, so the generated changelogs come from
			// loader.path
			command.add("-Dloader.path=" + changeLogs(n));
			command.add("-jar");
			command.add(Path.of(jar).toAbsolutePath().toString());
		}
		else {
			command.add(BenchmarkApplication.class.getName());
		}
		command.add("--spring.datasource.url=" + url(database));
		command.add("--spring.liquibase.change-log=classpath:db/bench/master.xml");
		switch (mode) {
			case "none" -> command.add("--spring.liquibase.enabled=false");
			case "boot" -> command.add("--migrations.enabled=false");
			case "starter" -> {
			}
			default -> throw new IllegalArgumentException(mode);
		}
		command.addAll(extra);
		long start = System.nanoTime();
		List<String> lines = java(command, n);
		double wall = (System.nanoTime() - start) / 1e6;
		Map<String, Double> metrics = new LinkedHashMap<>();
		for (String line : lines) {
			if (line.startsWith("BENCH endpoint=")) {
				System.out.println(line);
			}
			else if (line.startsWith("BENCH ")) {
				Matcher matcher = METRIC.matcher(line);
				while (matcher.find()) {
					metrics.put(matcher.group(1), Double.valueOf(matcher.group(2)));
				}
			}
		}
		if (!metrics.containsKey("ready_ms")) {
			throw new IllegalStateException(
					"The app (" + mode + ", n=" + n + ") did not report; its output:\n" + String.join("\n", lines));
		}
		metrics.put("process_ms", wall);
		return metrics;
	}

	private List<String> java(List<String> arguments, int n) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		if (!arguments.contains("-jar")) {
			command.add("-cp");
			command.add(System.getProperty("java.class.path") + File.pathSeparator + changeLogs(n));
		}
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines.add(line);
			}
		}
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("Failed: " + arguments.get(0) + "\n" + String.join("\n", lines));
		}
		return lines;
	}

	private double psql(String database, Path sql) throws IOException, InterruptedException {
		String psql = this.options.getOrDefault("psql", "psql");
		String host = this.options.getOrDefault("psql-host", "127.0.0.1");
		String user = this.options.getOrDefault("psql-user", "postgres");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(psql, "-q", "-X", "-v", "ON_ERROR_STOP=1", "-h", host, "-U", user, "-d",
				database, "-f", sql.toString())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		if (process.waitFor() != 0) {
			throw new IllegalStateException("psql failed on " + sql);
		}
		return (System.nanoTime() - start) / 1e6;
	}

	void drop(String database) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.postgres);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
		}
	}

	void recreate(String database, String template) throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.postgres);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + database + ((template != null) ? " TEMPLATE " + template : ""));
		}
	}

	private String url(String database) {
		return this.postgres.replaceFirst("/[^/?]*(\\?|$)", "/" + database + "$1");
	}

	private Path changeLogs(int n) {
		return this.work.resolve("changelogs-" + n);
	}

	void generate(int n) throws IOException {
		Path root = changeLogs(n).resolve("db/bench");
		if (Files.exists(root.resolve("master.xml"))) {
			return;
		}
		Files.createDirectories(root.resolve("files"));
		StringBuilder master = new StringBuilder(header());
		int files = (n + 9) / 10;
		for (int file = 0; file < files; file++) {
			String name = String.format(Locale.ROOT, "files/part-%04d.xml", file);
			master.append("  <include file=\"db/bench/").append(name).append("\"/>\n");
			StringBuilder changeLog = new StringBuilder(header());
			String table = "t" + file;
			int inFile = Math.min(10, n - file * 10);
			for (int i = 0; i < inFile; i++) {
				changeLog.append("  <changeSet id=\"")
					.append(file)
					.append('-')
					.append(i)
					.append("\" author=\"bench\">\n");
				changeLog.append(switch (i) {
					case 0 -> "    <createTable tableName=\"" + table + "\"><column name=\"id\" type=\"bigint\"/>"
							+ "<column name=\"name\" type=\"varchar(100)\"/></createTable>\n";
					case 1, 2 -> "    <addColumn tableName=\"" + table + "\"><column name=\"c" + i
							+ "\" type=\"varchar(50)\"/></addColumn>\n";
					case 3, 4 -> "    <createIndex tableName=\"" + table + "\" indexName=\"" + table + "_i" + i
							+ "\"><column name=\"" + ((i == 3) ? "name" : "c1") + "\"/></createIndex>\n";
					default -> "    <insert tableName=\"" + table + "\"><column name=\"id\" valueNumeric=\"" + i
							+ "\"/><column name=\"name\" value=\"row " + i + "\"/></insert>\n";
				});
				changeLog.append("  </changeSet>\n");
			}
			changeLog.append("</databaseChangeLog>\n");
			Files.writeString(root.resolve(name), changeLog);
		}
		master.append("</databaseChangeLog>\n");
		Files.writeString(root.resolve("master.xml"), master);
	}

	private static String header() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
				    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
				    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
				""";
	}

	private static double median(List<Map<String, Double>> samples, String metric) {
		return medianOf(samples.stream().map((sample) -> sample.getOrDefault(metric, 0.0)).toList());
	}

	static double medianOf(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int size = sorted.size();
		return (size % 2 == 1) ? sorted.get(size / 2) : (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
	}

	static String machine() {
		Runtime runtime = Runtime.getRuntime();
		return System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", "
				+ runtime.availableProcessors() + " CPUs, JDK " + System.getProperty("java.version") + " ("
				+ System.getProperty("java.vm.name") + ")";
	}

}
