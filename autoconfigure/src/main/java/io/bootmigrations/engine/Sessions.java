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

import java.sql.Connection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.changelog.ChangeSet;
import liquibase.integration.IntegrationDetails;
import liquibase.logging.LogService;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.fastpath.FastPath;

/**
 * Opens the {@link Session sessions} of one engine: a reading session on a connection of
 * its own, or a writing one that waits for the database and holds the migration lock on
 * its connection from before the first read of the history until after the last write.
 * Every session runs in a Liquibase scope with this engine's settings, and everything a
 * session throws leaves it as one {@link MigrationException}.
 */
final class Sessions {

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final Safeguards safeguards;

	private final SessionGuard guard;

	private final IncludeTrail includeTrail;

	private final BooleanSupplier stopRequested;

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	private volatile boolean lockHeld;

	Sessions(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			@Nullable FastPath fastPath, Safeguards safeguards, SessionGuard guard, BooleanSupplier stopRequested) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.safeguards = safeguards;
		this.guard = guard;
		this.stopRequested = stopRequested;
		this.includeTrail = new IncludeTrail((fastPath != null) ? fastPath.attach(resourceAccessor) : resourceAccessor);
	}

	/**
	 * Whether a writing session holds the migration lock now.
	 */
	boolean lockHeld() {
		return this.lockHeld;
	}

	/**
	 * Run {@code work} in a reading session: no lock, no wait for the database.
	 */
	<T> T read(SessionWork<T> work) {
		return open(work, null, false);
	}

	/**
	 * Run {@code work} in a writing session under the migration lock.
	 */
	<T> T write(SessionWork<T> work, ProgressTracker tracker) {
		return open(work, tracker, true);
	}

	private <T> T open(SessionWork<T> work, @Nullable ProgressTracker tracker, boolean writing) {
		Map<String, Object> scope = new HashMap<>();
		scope.put(Scope.Attr.ui.name(), SpringLiquibaseOptions.uiService(this.settings));
		// one report per failure (Liquibase's own ERROR for a failing changeset goes to
		// DEBUG) and each warning once per engine, however often the changelog is parsed
		scope.put(Scope.Attr.logService.name(), new OneReportLogService(
				Scope.getCurrentScope().get(Scope.Attr.logService, LogService.class), this.warned));
		scope.put(Scope.Attr.integrationDetails.name(), new IntegrationDetails("spring"));
		// files a changeset reads lazily (sqlFile, checksums outside Liquibase's own
		// commands)
		scope.put(Scope.Attr.resourceAccessor.name(), this.includeTrail);
		scope.put(AnalyticsArgs.ENABLED.getKey(), this.settings.analyticsEnabled());
		if (this.settings.licenseKey() != null) {
			scope.put("liquibase.licenseKey", this.settings.licenseKey());
		}
		this.includeTrail.clear();
		try {
			return Scope.child(scope, () -> {
				if (writing) {
					return locked(work);
				}
				try (Connection connection = this.dataSource.getConnection();
						Session session = new Session(connection, this.settings, this.includeTrail)) {
					return work.run(session);
				}
			});
		}
		catch (StackOverflowError ex) {
			ChangeSet failed = (tracker != null) ? tracker.failedChangeSet() : null;
			throw Failures.stackOverflow(ex, failed, this.settings.changeLog(), this.includeTrail.circle());
		}
		catch (Exception | Error ex) {
			if (this.stopRequested.getAsBoolean() && writing && !(ex instanceof MigrationException)) {
				throw Failures.stopped(tracker, this.settings.changeLog());
			}
			// every Throwable ends in one report, never in MIGRATING
			ChangeSet failed = (tracker != null) ? tracker.failedOrRunning() : null;
			if (writing && !(ex instanceof MigrationException)) {
				MigrationFailure lost = Failures.connectionLost(ex, failed, this.settings.changeLog(),
						tracker != null && tracker.transactionalDdl());
				if (lost != null) {
					throw new MigrationException(lost, ex);
				}
			}
			throw Failures.toException(ex, failed, this.settings.changeLog());
		}
	}

	private <T> T locked(SessionWork<T> work) throws Exception {
		try (Connection connection = this.guard.connect(this.dataSource)) {
			SessionTimeouts.Restore timeouts = this.safeguards.session().apply(connection);
			try {
				return this.guard.underLock(connection, () -> {
					this.lockHeld = true;
					try (Session session = new Session(connection, this.settings, this.includeTrail)) {
						return work.run(session);
					}
					finally {
						this.lockHeld = false;
					}
				});
			}
			finally {
				timeouts.restore();
			}
		}
	}

	/**
	 * Work in a session.
	 *
	 * @param <T> the result
	 */
	@FunctionalInterface
	interface SessionWork<T> {

		T run(Session session) throws Exception;

	}

}
