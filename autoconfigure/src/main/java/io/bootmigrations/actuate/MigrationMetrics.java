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

package io.bootmigrations.actuate;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;

/**
 * Micrometer metrics of migrations:
 * <ul>
 * <li>{@code migrations.runs} (timer), tagged {@code operation} and {@code outcome}
 * ({@code succeeded} / {@code failed});</li>
 * <li>{@code migrations.changesets.applied} (counter);</li>
 * <li>{@code migrations.changesets.pending} and {@code migrations.changesets.unexpected}
 * (gauges, read from the status snapshot).</li>
 * </ul>
 * Every meter is tagged {@code target} ({@code default}).
 */
public class MigrationMetrics implements MigrationListener, MeterBinder {

	private final Supplier<MeterRegistry> registry;

	private final Supplier<@Nullable MigrationStatus> status;

	private final String target;

	/**
	 * Create the metrics.
	 * @param registry where to record runs (looked up when a run finishes, so that the
	 * registry need not exist when the engine is created)
	 * @param status the current status, for the gauges; {@code null} when there is no
	 * engine
	 * @param target the migration target's name
	 */
	public MigrationMetrics(Supplier<MeterRegistry> registry, Supplier<@Nullable MigrationStatus> status,
			String target) {
		this.registry = registry;
		this.status = status;
		this.target = target;
	}

	@Override
	public void changeSetApplied(ChangeSetInfo changeSet, MigrationStatus.Progress progress) {
		Counter.builder("migrations.changesets.applied")
			.description("Changesets applied")
			.tag("target", this.target)
			.register(this.registry.get())
			.increment();
	}

	@Override
	public void runFinished(RunReport report, MigrationStatus status) {
		Timer.builder("migrations.runs")
			.description("Migration runs")
			.tag("target", this.target)
			.tag("operation", report.operation())
			.tag("outcome", report.outcome().name().toLowerCase(Locale.ROOT))
			.register(this.registry.get())
			.record(report.duration());
	}

	private static double count(@Nullable MigrationStatus status, boolean unexpected) {
		if (status == null) {
			return Double.NaN;
		}
		return (unexpected ? status.unexpected() : status.pending()).size();
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("migrations.changesets.pending", this.status, (status) -> count(status.get(), false))
			.description("Changesets of the changelog not applied to the database")
			.tag("target", this.target)
			.register(registry);
		Gauge.builder("migrations.changesets.unexpected", this.status, (status) -> count(status.get(), true))
			.description("Changesets in the database that the changelog does not contain")
			.tag("target", this.target)
			.register(registry);
	}

}
