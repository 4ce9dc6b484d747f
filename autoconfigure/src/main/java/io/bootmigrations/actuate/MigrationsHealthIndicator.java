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

import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.status.MigrationReadiness;
import io.bootmigrations.status.StatusDocument;

/**
 * The {@code migrations} health indicator: {@code UP} when the database is where this
 * build expects it, {@code OUT_OF_SERVICE} while migrating (or not yet checked),
 * {@code DOWN} after a failed run or when changesets are pending that this application
 * did not apply. Reads the engine's status snapshot only: a probe never touches the
 * database. Its details are a short form of the {@link StatusDocument} that
 * {@code /actuator/migrations} serves, with the same field names.
 */
public class MigrationsHealthIndicator extends AbstractHealthIndicator {

	private final @Nullable MigrationEngine engine;

	private final boolean downOnUnexpected;

	private final Supplier<Map<String, MigrationStatus>> targets;

	/**
	 * Create an indicator.
	 * @param engine the engine whose status to report
	 * @param downOnUnexpected whether unexpected changesets make it {@code DOWN}
	 */
	public MigrationsHealthIndicator(MigrationEngine engine, boolean downOnUnexpected) {
		this(engine, downOnUnexpected, Map::of);
	}

	/**
	 * Create an indicator that also judges the application's other targets (issue #11).
	 * @param engine the {@code default} target's engine, or {@code null} when
	 * {@code spring.liquibase.enabled=false} removed it and only other targets remain
	 * @param downOnUnexpected whether unexpected changesets make it {@code DOWN}
	 * @param targets the other targets' statuses by id
	 */
	public MigrationsHealthIndicator(@Nullable MigrationEngine engine, boolean downOnUnexpected,
			Supplier<Map<String, MigrationStatus>> targets) {
		super("Migrations health check failed");
		this.engine = engine;
		this.downOnUnexpected = downOnUnexpected;
		this.targets = targets;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		MigrationEngine engine = this.engine;
		if (engine == null) {
			TargetsSummary summary = TargetsSummary.of(this.targets.get(), this.downOnUnexpected);
			builder.status(status(summary.worst(MigrationReadiness.READY))).withDetail("targets", summary.toMap(10));
			return;
		}
		MigrationStatus status = engine.status();
		MigrationReadiness readiness = MigrationReadiness.of(status, this.downOnUnexpected);
		StatusDocument document = StatusDocument.of(StatusDocument.DEFAULT_TARGET, status, this.downOnUnexpected);
		Map<String, MigrationStatus> targets = this.targets.get();
		MigrationReadiness verdict = readiness;
		if (!targets.isEmpty()) {
			TargetsSummary summary = TargetsSummary.of(targets, this.downOnUnexpected);
			verdict = summary.worst(readiness);
			builder.withDetail("targets", summary.toMap(10));
		}
		builder.status(status(verdict));
		builder.withDetail("state", document.state())
			.withDetail("applied", document.applied())
			.withDetail("pending", document.pending())
			.withDetail("unexpected", document.unexpected());
		StatusDocument.Progress progress = document.progress();
		if (progress != null) {
			builder.withDetail("progress", progress.done() + "/" + progress.total());
		}
		StatusDocument.LastRun lastRun = document.lastRun();
		if (lastRun != null) {
			builder.withDetail("lastRun", lastRun.outcome() + " at " + lastRun.finishedAt() + ", applied "
					+ lastRun.applied() + " in " + lastRun.durationMs() + " ms");
			StatusDocument.Error error = lastRun.error();
			if (error != null) {
				MigrationFailure failure = status.lastRun().error();
				builder.withDetail("error", (failure != null) ? Failures.summary(failure) : error.message());
			}
		}
		if (!document.warnings().isEmpty()) {
			builder.withDetail("warnings", document.warnings());
		}
		if (readiness == MigrationReadiness.BLOCKED && status.state() == MigrationState.PENDING
				&& status.checkedAt() != null) {
			builder.withDetail("reason", "Changesets are pending and this application did not apply them");
		}
	}

	private static Status status(MigrationReadiness verdict) {
		return switch (verdict) {
			case READY -> Status.UP;
			case WAITING -> Status.OUT_OF_SERVICE;
			case BLOCKED -> Status.DOWN;
		};
	}

}
