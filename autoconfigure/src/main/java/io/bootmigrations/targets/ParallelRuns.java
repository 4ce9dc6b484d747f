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

package io.bootmigrations.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task per target, at most {@code parallelism} at once, each on a thread named
 * after its target ({@code migrations-tenants:tenant_007}, which the log pattern shows),
 * and returns the results in the order of the targets: the boot migration of the targets
 * and the commands on every target share it.
 *
 * @since 0.1.0
 */
public final class ParallelRuns {

	private ParallelRuns() {
	}

	/**
	 * Run a task per target and wait for all.
	 * @param <R> the result type
	 * @param ids the targets' ids, in the order of the results
	 * @param parallelism how many run at once (at least 1)
	 * @param task the task; it should not throw (a thrown exception fails the whole call
	 * after the others finished)
	 * @param onInterrupt called when the waiting thread is interrupted, before the tasks
	 * are cancelled (to ask running engines to stop)
	 * @return the results, in the order of {@code ids}
	 */
	public static <R> List<R> run(List<String> ids, int parallelism, Function<String, R> task, Runnable onInterrupt) {
		if (ids.isEmpty()) {
			return List.of();
		}
		int threads = Math.max(1, Math.min(parallelism, ids.size()));
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads, (runnable) -> {
			Thread thread = new Thread(runnable, "migrations-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		try {
			List<Future<R>> futures = new ArrayList<>();
			for (String id : ids) {
				futures.add(executor.submit(() -> named(id, task)));
			}
			List<R> results = new ArrayList<>();
			for (Future<R> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			onInterrupt.run();
			throw new IllegalStateException("Interrupted while running on the targets", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Running on a target failed unexpectedly", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static <R> R named(String id, Function<String, R> task) {
		Thread thread = Thread.currentThread();
		String name = thread.getName();
		thread.setName("migrations-" + id);
		try {
			return task.apply(id);
		}
		finally {
			thread.setName(name);
		}
	}

}
