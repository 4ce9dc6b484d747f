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
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

import javax.sql.DataSource;

import liquibase.database.Database;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.fastpath.FastPath;

/**
 * The one migration engine of one database: runs Liquibase under a lock and keeps an
 * immutable {@link MigrationStatus} snapshot that readers can take at no cost. Boot, the
 * actuator endpoint and the command runner all go through it, so locking, status and
 * error reporting exist once.
 * <p>
 * A facade: every writing method is an {@link Operation} that the {@link MigrationRunner}
 * runs (plan, lock, plan again, apply, publish); reads go through a {@link Session} of
 * their own. Runs are serialized within the process; each opens a connection of its own,
 * reads the database's state after taking the lock (never before) and builds a fresh
 * Liquibase {@link Database}, so no cached history from an earlier run can mislead it.
 * See {@code src/docs/architecture.md}.
 */
public final class MigrationEngine {

	private final DataSource dataSource;

	private final MigrationSettings settings;

	private final Safeguards safeguards;

	private final MigrationRunner runner;

	/** Create an engine with the default safeguards; see the last constructor. */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners) {
		this(dataSource, settings, resourceAccessor, listeners, Safeguards.defaults(), null);
	}

	/** Create an engine without fast path and interceptors; see the last constructor. */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, Safeguards safeguards) {
		this(dataSource, settings, resourceAccessor, listeners, safeguards, null);
	}

	/**
	 * Create an engine with the default safeguards and no interceptors; see the last
	 * constructor.
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, @Nullable FastPath fastPath) {
		this(dataSource, settings, resourceAccessor, listeners, Safeguards.defaults(), fastPath);
	}

	/** Create an engine without interceptors; see the last constructor. */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, Safeguards safeguards, @Nullable FastPath fastPath) {
		this(dataSource, settings, resourceAccessor, listeners, safeguards, fastPath, List.of());
	}

	/**
	 * Create an engine: the one constructor every other one and every caller ends in.
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param listeners callbacks for progress and metrics
	 * @param safeguards how runs are locked across processes and wait for the database
	 * @param fastPath the fast path that lets {@link #migrate()} skip Liquibase when
	 * nothing changed since the last run that left nothing to do, or {@code null} to
	 * always run Liquibase
	 * @param interceptors what wraps the Liquibase work of every writing run, the first
	 * outermost
	 */
	public MigrationEngine(DataSource dataSource, MigrationSettings settings, ResourceAccessor resourceAccessor,
			List<MigrationListener> listeners, Safeguards safeguards, @Nullable FastPath fastPath,
			List<RunInterceptor> interceptors) {
		this.dataSource = dataSource;
		this.settings = settings;
		this.safeguards = safeguards;
		this.runner = new MigrationRunner(dataSource, settings, resourceAccessor, listeners, safeguards, fastPath,
				interceptors);
	}

	/**
	 * @return the settings this engine runs with
	 */
	public MigrationSettings settings() {
		return this.settings;
	}

	/**
	 * @return how this engine locks runs and waits for the database
	 */
	public Safeguards safeguards() {
		return this.safeguards;
	}

	/**
	 * @return the data source this engine migrates
	 */
	public DataSource dataSource() {
		return this.dataSource;
	}

	/**
	 * @return the current status snapshot; never touches the database
	 */
	public MigrationStatus status() {
		return this.runner.status();
	}

	/**
	 * Take a status established outside the engine as the one of its boot run, as if
	 * {@link #migrate()} had published it; ignored once the engine has run. The targets'
	 * coordinator checks the fast path of a target's tenant schemas together and builds a
	 * tenant's engine only when something asks for it: that engine starts from the
	 * up-to-date status found then.
	 * @param status the status
	 */
	public void adopt(MigrationStatus status) {
		this.runner.adopt(status);
	}

	/**
	 * Apply every pending changeset (up to {@code tag}, if the settings name one), or
	 * nothing through the fast path when nothing changed.
	 * @return what the run did
	 * @throws MigrationException if the migration failed; the status then says why
	 */
	public RunReport migrate() {
		return this.runner.migrate();
	}

	/**
	 * Read the database's applied changesets again and recompute the status, without
	 * parsing the changelog if it was parsed before and without taking the lock.
	 * @return the new status
	 */
	public MigrationStatus refresh() {
		return this.runner.refresh();
	}

	/** Run an operation: plan, lock, plan again, apply, publish the status. */
	<P> RunReport run(Operation<P> operation) {
		return this.runner.run(operation);
	}

	/**
	 * Apply changesets up to a target: head, a tag of the changelog, or the next N.
	 * @param target where to go
	 * @return what the run did ({@link RunReport#applied()} changesets applied)
	 * @throws MigrationException if the target is unknown or the migration failed
	 */
	public RunReport upgrade(RevisionTarget target) {
		return run(new UpgradeOperation(target, this.settings.changeLog()));
	}

	/**
	 * Roll changesets back to a target: the last N, a tag recorded in the database, a
	 * date, or base. Every changeset in range is checked for a possible rollback first.
	 * @param target where to go
	 * @return what the run did ({@link RunReport#applied()} changesets rolled back)
	 * @throws MigrationException if the target is unknown, a changeset in range cannot be
	 * rolled back (nothing is then changed), or the rollback failed
	 */
	public RunReport downgrade(RevisionTarget target) {
		return run(new DowngradeOperation(target, this.settings.changeLog()));
	}

	/**
	 * @return the SQL {@link #upgrade(RevisionTarget)} would run, without running it
	 */
	public String upgradeSql(RevisionTarget target) {
		return this.runner.sql(new UpgradeOperation(target, this.settings.changeLog()));
	}

	/**
	 * @return the SQL {@link #downgrade(RevisionTarget)} would run, without running it
	 */
	public String downgradeSql(RevisionTarget target) {
		return this.runner.sql(new DowngradeOperation(target, this.settings.changeLog()));
	}

	/** Tag the last applied changeset; returns what the run did. */
	public RunReport tag(String tag) {
		return run(new TagOperation(tag, this.settings.changeLog()));
	}

	/**
	 * Record changesets as applied without running them: head or up to a tag.
	 * @param target head or a tag
	 * @return what the run did ({@link RunReport#applied()} changesets recorded)
	 */
	public RunReport baseline(RevisionTarget target) {
		return run(new BaselineOperation(target, this.settings.changeLog()));
	}

	/**
	 * Validate the changelog and the stored checksums and compare the changelog with the
	 * database. Applies nothing.
	 * @return pending and unexpected changesets and checksum mismatches
	 * @throws MigrationException if the changelog itself is invalid
	 */
	public ValidationResult validate() {
		List<String> mismatches = this.runner.inspect(ValidationResult::checksumMismatches);
		return new ValidationResult(refresh(), mismatches);
	}

	/**
	 * Clear the stored checksums (recomputed on the next run); returns what the run did.
	 */
	public RunReport clearChecksums() {
		return run(RepairOperation.CLEAR_CHECKSUMS);
	}

	/**
	 * Release Liquibase's lock in {@code DATABASECHANGELOGLOCK}; returns what the run
	 * did.
	 */
	public RunReport releaseLocks() {
		return run(RepairOperation.RELEASE_LOCKS);
	}

	/**
	 * @return the changesets recorded as applied, newest first, read from the database
	 * now
	 */
	public List<ChangeSetInfo> history() {
		List<ChangeSetInfo> applied = new ArrayList<>(refresh().applied());
		Collections.reverse(applied);
		return applied;
	}

	/**
	 * Inspect the parsed changelog and the database without the migration lock and
	 * without changing the status.
	 * @param <T> the result
	 * @param pendingOnly whether to pass only the changesets not applied yet, or every
	 * changeset that matches the contexts, labels and database
	 * @param inspection the work
	 * @return its result
	 * @throws MigrationException if the changelog or the database cannot be read
	 */
	public <T> T inspectChangeLog(boolean pendingOnly, ChangeLogInspection<T> inspection) {
		return this.runner.inspect((session) -> inspection.inspect(session.connection(), session.database(),
				pendingOnly ? session.unrun() : session.matching()));
	}

	/**
	 * Read the database through Liquibase without the lock and without changing the
	 * status: for commands that only look ({@code show}, {@code history --verbose}).
	 * @param <T> the result type
	 * @param reader what to read
	 * @return what the reader returned
	 */
	public <T> T read(LiquibaseReader<T> reader) {
		return this.runner.inspect((session) -> reader.read(session.database(), session::changeLog));
	}

	/**
	 * Name more changelog parameters whose values SQL previews mask, beyond those whose
	 * names look secret (password, secret, token, key, credential).
	 * @param names parameter names, matched ignoring case
	 */
	public void setMaskedParameters(Collection<String> names) {
		this.runner.setMaskedParameters(names);
	}

	/**
	 * Ask the run under way, if any, to stop: one that waits for the lock or the database
	 * stops waiting; one that migrates finishes (and commits) the current changeset and
	 * stops before the next, then releases the lock. The run then fails with a report of
	 * how far it got. Later runs are refused.
	 */
	public void requestStop() {
		this.runner.requestStop();
	}

	/**
	 * Wait until no run is under way.
	 * @param timeout the longest to wait
	 * @return whether no run is under way
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitNoRun(Duration timeout) throws InterruptedException {
		return this.runner.awaitNoRun(timeout);
	}

}
