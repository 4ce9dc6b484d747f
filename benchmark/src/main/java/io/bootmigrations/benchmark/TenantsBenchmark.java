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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The tenant benchmark (issue #11), on the packaged fat jar: a target {@code tenants} of
 * N schemas sharing one changelog of M changesets ({@code migrations.targets.tenants.*}).
 * For each parallelism, a first apply onto a fresh PostgreSQL database (the targets'
 * phase and the time to ready); then no-op restarts of the migrated database, in random
 * order against the same app without migrations ({@code spring.liquibase.enabled=false}
 * and no targets), medians and their ratio side by side.
 * <p>
 * Arguments: {@code --tenants=200 --tenant-changesets=30 --parallelism=1,4,8 --rounds=5}
 * (besides {@code --postgres}, {@code --work}, {@code --jar} of {@link BenchmarkRunner}).
 */
final class TenantsBenchmark {

	private static final String DATABASE = "bench_tenants";

	private final BenchmarkRunner runner;

	private final int tenants;

	private final int changeSets;

	private final List<Integer> parallelisms;

	private final int rounds;

	TenantsBenchmark(BenchmarkRunner runner, Map<String, String> options) {
		this.runner = runner;
		this.tenants = Integer.parseInt(options.get("tenants"));
		this.changeSets = Integer.parseInt(options.getOrDefault("tenant-changesets", "30"));
		this.parallelisms = Arrays.stream(options.getOrDefault("parallelism", "1,4,8").split(","))
			.map(String::trim)
			.map(Integer::valueOf)
			.toList();
		this.rounds = Integer.parseInt(options.getOrDefault("rounds", "5"));
	}

	void run() throws Exception {
		System.out.println("# Machine: " + BenchmarkRunner.machine());
		this.runner.generate(this.changeSets);
		Map<Integer, Map<String, Double>> firstApply = new LinkedHashMap<>();
		for (int parallelism : this.parallelisms) {
			this.runner.recreate(DATABASE, null);
			Map<String, Double> metrics = boot("starter", parallelism);
			firstApply.put(parallelism, metrics);
			System.out.printf(Locale.ROOT, "# first apply, parallelism %d: %s%n", parallelism, metrics);
		}
		// the database the last first apply migrated: every restart below has nothing to
		// do
		Random random = new Random(42);
		Map<String, List<Map<String, Double>>> restarts = new LinkedHashMap<>();
		for (int round = 1; round <= this.rounds; round++) {
			List<String> modes = new ArrayList<>(List.of("none", "starter"));
			Collections.shuffle(modes, random);
			for (String mode : modes) {
				Map<String, Double> metrics = boot(mode, this.parallelisms.get(this.parallelisms.size() - 1));
				restarts.computeIfAbsent(mode, (key) -> new ArrayList<>()).add(metrics);
				System.out.printf(Locale.ROOT, "# no-op restart round %d %s: %s%n", round, mode, metrics);
			}
		}
		print(firstApply, restarts);
		this.runner.drop(DATABASE);
	}

	private Map<String, Double> boot(String mode, int parallelism) throws Exception {
		List<String> extra = new ArrayList<>();
		if (mode.equals("starter")) {
			extra.add("--migrations.parallelism=" + parallelism);
			extra.add("--migrations.targets.tenants.change-log=classpath:db/bench/master.xml");
			extra.add("--migrations.targets.tenants.schemas=" + IntStream.rangeClosed(1, this.tenants)
				.mapToObj((i) -> String.format(Locale.ROOT, "tenant_%04d", i))
				.collect(Collectors.joining(",")));
		}
		return this.runner.boot(this.changeSets, DATABASE, mode, extra);
	}

	private void print(Map<Integer, Map<String, Double>> firstApply, Map<String, List<Map<String, Double>>> restarts) {
		System.out.println();
		System.out.printf(Locale.ROOT,
				"## Tenants: %d schemas x %d changesets, first apply onto an empty database (one run each)%n%n",
				this.tenants, this.changeSets);
		System.out.println("| parallelism | targets phase ms | ready ms |");
		System.out.println("|---|---|---|");
		firstApply.forEach((parallelism, metrics) -> System.out.printf(Locale.ROOT, "| %d | %.0f | %.0f |%n",
				parallelism, metrics.get("targets_ms"), metrics.get("ready_ms")));
		double none = median(restarts.get("none"), "ready_ms");
		double starter = median(restarts.get("starter"), "ready_ms");
		System.out.println();
		System.out.printf(Locale.ROOT, "## No-op restart over %d tenants (medians of %d rounds)%n%n", this.tenants,
				this.rounds);
		System.out.println(
				"| no migrations: ready ms | starter: ready ms | ratio | starter: default target ms | starter: targets phase ms |");
		System.out.println("|---|---|---|---|---|");
		System.out.printf(Locale.ROOT, "| %.0f | %.0f | %.2f× | %.0f | %.0f |%n", none, starter, starter / none,
				median(restarts.get("starter"), "migration_ms"), median(restarts.get("starter"), "targets_ms"));
	}

	private static double median(List<Map<String, Double>> samples, String metric) {
		return BenchmarkRunner.medianOf(samples.stream().map((sample) -> sample.getOrDefault(metric, 0.0)).toList());
	}

}
