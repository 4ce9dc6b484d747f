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

package io.bootmigrations.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The one scheduler of Boot Migrations: the progress log of long runs, the status refresh
 * and the PostgreSQL lock guard's watch of blocking sessions run their periodic work on
 * it. Spring's {@link ThreadPoolTaskScheduler} underneath: two daemon threads named
 * {@code migrations-scheduler-N}, created on first use; an exception of a task is logged
 * and the task keeps its schedule; a cancelled task leaves the queue at once.
 * <p>
 * Deliberately not a {@code TaskScheduler} (nor an {@code Executor}) itself, so that as a
 * bean it never stands in for the application's own: Spring Boot's task scheduling and
 * execution auto-configurations and {@code @EnableScheduling} do not see it. The
 * auto-configuration owns one and closes it with the application context; code that
 * builds an engine by hand owns its own and closes it.
 *
 * @since 0.1.0
 */
public final class MigrationScheduler implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(MigrationScheduler.class);

	private static final int THREADS = 2;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	/**
	 * Create a scheduler; its threads start with the first task.
	 */
	public MigrationScheduler() {
		this.scheduler.setPoolSize(THREADS);
		this.scheduler.setThreadNamePrefix("migrations-scheduler-");
		this.scheduler.setDaemon(true);
		this.scheduler.setRemoveOnCancelPolicy(true);
		this.scheduler.setWaitForTasksToCompleteOnShutdown(false);
		this.scheduler.initialize();
	}

	/**
	 * Run a task every {@code period}, the first time one period from now.
	 * @param task the task
	 * @param period the time between the starts of two runs
	 * @return the task's future, to cancel it; {@code null} if the scheduler is closed
	 */
	public @Nullable ScheduledFuture<?> atFixedRate(Runnable task, Duration period) {
		return schedule((start) -> this.scheduler.scheduleAtFixedRate(task, start.plus(period), period));
	}

	/**
	 * Run a task with {@code delay} between the end of one run and the start of the next,
	 * the first time {@code delay} from now.
	 * @param task the task
	 * @param delay the time between two runs
	 * @return the task's future, to cancel it; {@code null} if the scheduler is closed
	 */
	public @Nullable ScheduledFuture<?> withFixedDelay(Runnable task, Duration delay) {
		return schedule((start) -> this.scheduler.scheduleWithFixedDelay(task, start.plus(delay), delay));
	}

	private @Nullable ScheduledFuture<?> schedule(Function<Instant, ScheduledFuture<?>> scheduling) {
		try {
			return scheduling.apply(this.scheduler.getClock().instant());
		}
		catch (TaskRejectedException | IllegalStateException ex) {
			// closed with the context while a run was still under way: the run goes on
			// without its periodic companion
			logger.debug("Migrations: scheduler closed, task not scheduled", ex);
			return null;
		}
	}

	/**
	 * How many tasks are scheduled (cancelled ones are gone at once).
	 * @return the number of scheduled tasks
	 */
	public int scheduledTasks() {
		try {
			return this.scheduler.getScheduledThreadPoolExecutor().getQueue().size();
		}
		catch (IllegalStateException ex) {
			return 0;
		}
	}

	/**
	 * Stop the scheduler: cancel every task and interrupt those under way.
	 */
	@Override
	public void close() {
		this.scheduler.shutdown();
	}

}
