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

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ParallelRuns}: bounded parallelism, threads named after their target, results in
 * the targets' order.
 */
class ParallelRunsTests {

	@Test
	void runsAtMostParallelismAtOnceOnThreadsNamedAfterTheTargetsAndKeepsTheirOrder() {
		List<String> ids = List.of("default", "tenants:t_1", "tenants:t_2", "tenants:t_3", "tenants:t_4",
				"tenants:t_5");
		// two tasks must meet at the barrier: a run one at a time would never pass it
		CyclicBarrier pairs = new CyclicBarrier(2);
		AtomicInteger running = new AtomicInteger();
		AtomicInteger mostAtOnce = new AtomicInteger();
		List<String> results = ParallelRuns.run(ids, 2, (id) -> {
			mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
			try {
				pairs.await(1, TimeUnit.MINUTES);
				return id + " on " + Thread.currentThread().getName();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
			finally {
				running.decrementAndGet();
			}
		}, () -> {
		});
		assertThat(results).containsExactly("default on migrations-default", "tenants:t_1 on migrations-tenants:t_1",
				"tenants:t_2 on migrations-tenants:t_2", "tenants:t_3 on migrations-tenants:t_3",
				"tenants:t_4 on migrations-tenants:t_4", "tenants:t_5 on migrations-tenants:t_5");
		assertThat(mostAtOnce).hasValue(2);
	}

	@Test
	void noTargetsRunNothing() {
		assertThat(ParallelRuns.run(List.of(), 4, (id) -> id, () -> {
		})).isEmpty();
	}

}
