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

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The small application the benchmark boots: a web app with a JDBC data source and the
 * actuator. On {@link ApplicationReadyEvent} it prints one {@code BENCH} line with the
 * time and memory the migration phase (the {@code liquibase} bean's initialization) took
 * and the time the other targets took (the {@code migrationTargetsInitializer} bean,
 * issue #11), then exits. With {@code bench.endpoints=true} it first measures the status
 * endpoints over real HTTP.
 */
@SpringBootApplication
public class BenchmarkApplication {

	private static volatile long migrationNanos;

	private static volatile long migrationBytes;

	private static volatile long targetsNanos;

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkApplication.class, args);
	}

	@Bean
	static BeanPostProcessor migrationPhaseMeter() {
		// the management beans are loaded here, before the meter is used, so that loading
		// them is not counted in the migration phase
		allocatedBytes();
		return new BeanPostProcessor() {

			private long startNanos;

			private long startBytes;

			private long targetsStartNanos;

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if ("liquibase".equals(beanName)) {
					this.startBytes = allocatedBytes();
					this.startNanos = System.nanoTime();
				}
				if ("migrationTargetsInitializer".equals(beanName)) {
					this.targetsStartNanos = System.nanoTime();
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof DataSource dataSource) {
					// every mode opens its connection pool at the same point, before any
					// migration
					new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class);
				}
				if ("liquibase".equals(beanName)) {
					migrationNanos = System.nanoTime() - this.startNanos;
					migrationBytes = allocatedBytes() - this.startBytes;
				}
				if ("migrationTargetsInitializer".equals(beanName)) {
					targetsNanos = System.nanoTime() - this.targetsStartNanos;
				}
				return bean;
			}

		};
	}

	@Bean
	ApplicationListener<ApplicationReadyEvent> benchmarkReport(Environment environment, DataSource dataSource) {
		return (event) -> {
			long readyMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
			String line = String.format(Locale.ROOT,
					"BENCH ready_ms=%d cpu_ms=%.0f migration_ms=%.1f migration_alloc_mb=%.1f rss_mb=%.1f targets_ms=%.1f",
					readyMillis, processCpuMillis(), migrationNanos / 1e6, migrationBytes / 1048576.0, rssMegabytes(),
					targetsNanos / 1e6);
			System.out.println(line);
			ConfigurableApplicationContext context = event.getApplicationContext();
			// the app uses its database like a real one would
			new JdbcTemplate(dataSource).queryForObject("SELECT 1", Integer.class);
			if (environment.getProperty("bench.endpoints", Boolean.class, false)) {
				measureEndpoints(context);
			}
			if (environment.getProperty("bench.exit", Boolean.class, true)) {
				System.exit(SpringApplication.exit(context));
			}
		};
	}

	/**
	 * Calls each path in turn, round after round, so that the machine's noise falls on
	 * all of them alike; {@code /actuator/health/liveness} is the floor of an actuator
	 * call over HTTP here. Prints the median after warm-up rounds and the response size.
	 */
	private static void measureEndpoints(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpClient client = HttpClient.newHttpClient();
		List<String> paths = List.of("/actuator/health/liveness", "/actuator/liquibase", "/actuator/migrations",
				"/actuator/migrations/history?size=100");
		int warmUp = 50;
		int measured = 200;
		List<List<Double>> millis = new ArrayList<>();
		long[] bytes = new long[paths.size()];
		paths.forEach((path) -> millis.add(new ArrayList<>()));
		for (int round = 0; round < warmUp + measured; round++) {
			for (int p = 0; p < paths.size(); p++) {
				long start = System.nanoTime();
				HttpResponse<byte[]> response = send(client, URI.create("http://127.0.0.1:" + port + paths.get(p)));
				long took = System.nanoTime() - start;
				if (response.statusCode() != 200) {
					System.out.println("BENCH endpoint=" + paths.get(p) + " status=" + response.statusCode());
					return;
				}
				bytes[p] = response.body().length;
				if (round >= warmUp) {
					millis.get(p).add(took / 1e6);
				}
			}
		}
		for (int p = 0; p < paths.size(); p++) {
			List<Double> sorted = new ArrayList<>(millis.get(p));
			Collections.sort(sorted);
			System.out.println(String.format(Locale.ROOT, "BENCH endpoint=%s median_ms=%.2f response_kb=%.1f",
					paths.get(p), sorted.get(sorted.size() / 2), bytes[p] / 1024.0));
		}
	}

	private static HttpResponse<byte[]> send(HttpClient client, URI uri) {
		try {
			return client.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The CPU time all threads of this JVM have used so far: unlike the time to ready, it
	 * does not grow when the machine runs other work at the same time.
	 */
	private static double processCpuMillis() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime() / 1e6;
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

	private static double rssMegabytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not on Linux
		}
		return -1;
	}

}
