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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tenant schemas at scale (issue #11), a slow test that doubles as the benchmark: N
 * tenants x 30 changesets applied at parallelism 1, 4 and 8, then the no-op restart
 * against the same application without migrations. Runs only when asked (its name keeps
 * it out of the default test run, so the suite reports no skipped test):
 * {@code -Dtest=MigrationTargetsScaleBenchmark -Dmigrations.scale.tenants=200} (and
 * optionally {@code -Dmigrations.scale.parallelism=1,4,8 -Dmigrations.scale.restarts=3}).
 */
@Tag("slow")
@EnabledIfSystemProperty(named = "migrations.scale.tenants", matches = "\\d+")
class MigrationTargetsScaleBenchmark {

	@Test
	void tenantsFirstApplyAtEachParallelismAndNoOpRestart() {
		int tenants = Integer.getInteger("migrations.scale.tenants");
		List<Integer> parallelisms = List.of(System.getProperty("migrations.scale.parallelism", "1,4,8").split(","))
			.stream()
			.map(String::strip)
			.map(Integer::valueOf)
			.toList();
		int restarts = Integer.getInteger("migrations.scale.restarts", 3);
		StringBuilder report = new StringBuilder(
				"| tenants x changesets | parallelism | first apply (ms) |\n|---|---|---|\n");
		TestDatabase last = null;
		try {
			for (int parallelism : parallelisms) {
				if (last != null) {
					last.close();
				}
				last = TestDatabaseServer.postgres().create("scale");
				long start = System.nanoTime();
				try (ConfigurableApplicationContext context = boot(last, tenants,
						"--migrations.parallelism=" + parallelism)) {
					long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
					assertThat(context.getBean(TargetEngines.class).statuses()).hasSize(tenants + 1)
						.allSatisfy((id, status) -> assertThat(status.state()).isEqualTo(MigrationState.UP_TO_DATE));
					report.append("| ")
						.append(tenants)
						.append(" x 30 | ")
						.append(parallelism)
						.append(" | ")
						.append(millis)
						.append(" |\n");
				}
			}
			List<Long> withMigrations = new ArrayList<>();
			List<Long> without = new ArrayList<>();
			for (int i = 0; i < restarts; i++) {
				long start = System.nanoTime();
				try (ConfigurableApplicationContext context = boot(last, tenants)) {
					withMigrations.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
					assertThat(context.getBean(TargetEngines.class).statuses().values())
						.allSatisfy((status) -> assertThat(status.lastRun().applied()).isZero());
				}
				start = System.nanoTime();
				// the app without migrations: spring.liquibase.enabled=false removes only
				// the default target, so no targets either
				try (ConfigurableApplicationContext context = boot(last, 0, "--spring.liquibase.enabled=false")) {
					without.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
				}
			}
			long a = median(withMigrations);
			long b = median(without);
			report.append("\nno-op restart over ")
				.append(tenants)
				.append(" tenants (median of ")
				.append(restarts)
				.append(", in-process boots): ")
				.append(a)
				.append(" ms with migrations, ")
				.append(b)
				.append(" ms without; ratio ")
				.append(String.format("%.2f", (double) a / b))
				.append(" ")
				.append(withMigrations)
				.append(" vs ")
				.append(without)
				.append("\n");
			System.out.println(report);
		}
		finally {
			if (last != null) {
				last.close();
			}
		}
	}

	private static long median(List<Long> values) {
		List<Long> sorted = values.stream().sorted().toList();
		return sorted.get(sorted.size() / 2);
	}

	private static ConfigurableApplicationContext boot(TestDatabase database, int tenants, String... more) {
		SpringApplication application = new SpringApplication(App.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		List<String> args = new ArrayList<>(List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.main.banner-mode=off",
				"--logging.level.liquibase=warn", "--logging.level.io.bootmigrations.engine=warn"));
		if (tenants > 0) {
			args.add("--migrations.targets.tenants.change-log=classpath:db/targets/thirty.yaml");
			args.add("--migrations.targets.tenants.schemas=" + IntStream.rangeClosed(1, tenants)
				.mapToObj((i) -> String.format("tenant_%03d", i))
				.collect(Collectors.joining(",")));
		}
		args.addAll(List.of(more));
		return application.run(args.toArray(String[]::new));
	}

	@Configuration(proxyBeanMethods = false)
	// Hibernate is on the test class path (for autogenerate) but these apps have no JPA
	@EnableAutoConfiguration(
			excludeName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
	static class App {

	}

}
