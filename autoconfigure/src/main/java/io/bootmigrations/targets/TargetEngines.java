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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.JdbcUrls;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationStatus;

/**
 * Every migration target of the application: the {@code default} one (the application's
 * DataSource with {@code spring.liquibase.*}) and those of {@code migrations.targets.*}
 * or supplied at runtime, each tenant schema a target of its own. Each has its own
 * {@link MigrationEngine}, hence its own lock, fast path, history table and status; this
 * class runs them in parallel (at most {@code migrations.parallelism} at once) and is the
 * bean API for tenants that appear while the application runs.
 * <p>
 * Targets are registered first ({@link #register}, {@link #registerTenants},
 * {@link #addSchemas}), then {@link #prepare() prepared} all together before anything is
 * migrated (see {@link TargetDeclarations}): bad input fails before any target is
 * migrated. On boot the tenant schemas of a target are first checked together
 * ({@code FastPathBatch}: one connection, a few queries, the changelog's files read
 * once); a tenant whose fingerprint matches exactly is up to date without an engine,
 * which is built only when something asks for it ({@link #engine(String)},
 * {@link #engines()}).
 *
 * @since 0.1.0
 */
public final class TargetEngines {

	/** The id of the application's own target. */
	public static final String DEFAULT = "default";

	private static final Log logger = LogFactory.getLog(TargetEngines.class);

	private final TargetEngineFactory factory;

	private final Supplier<@Nullable MigrationEngine> defaultEngine;

	private final int parallelism;

	private final TargetDeclarations declarations;

	/** Prepared targets by id, in registration order. */
	private final Map<String, Target> targets = new LinkedHashMap<>();

	/**
	 * Create the targets.
	 * @param factory creates each target's engine
	 * @param defaultEngine the {@code default} target's engine, if there is one
	 * @param parallelism how many targets migrate at once
	 * @param waitForDatabase how long to retry a target's database that cannot be reached
	 */
	public TargetEngines(TargetEngineFactory factory, Supplier<@Nullable MigrationEngine> defaultEngine,
			int parallelism, Duration waitForDatabase) {
		this.factory = factory;
		this.defaultEngine = defaultEngine;
		this.parallelism = Math.max(1, parallelism);
		this.declarations = new TargetDeclarations(waitForDatabase);
	}

	// --- registration

	/**
	 * Register a target without tenant schemas.
	 * @param target the target
	 * @throws IllegalStateException if the name is taken or invalid
	 */
	public synchronized void register(TargetDefinition target) {
		this.declarations.declare(target, null, null);
	}

	/**
	 * Register a tenant target: its changelog is applied once per schema.
	 * @param template the target, without a schema
	 * @param schemas the tenant schemas known now
	 * @param schemasQuery SQL that returns more schema names, run on {@link #prepare()}
	 */
	public synchronized void registerTenants(TargetDefinition template, Collection<String> schemas,
			@Nullable String schemasQuery) {
		this.declarations.declare(template, new ArrayList<>(schemas), schemasQuery);
	}

	/**
	 * Add tenant schemas to a tenant target before {@link #prepare()}, for example from
	 * the application's own tenant registry in a {@link TargetsCustomizer}.
	 * @param target the tenant target's name
	 * @param schemas the schemas to add
	 */
	public synchronized void addSchemas(String target, Collection<String> schemas) {
		this.declarations.addSchemas(target, schemas);
	}

	// --- preparation: all bad input fails here, before anything is migrated

	/**
	 * Reach every declared target's database and check the listed schema names, before
	 * the {@code default} target migrates; schema queries run later, in
	 * {@link #prepare()}, since they may read tables the {@code default} target creates.
	 * @throws InvalidConfigurationPropertyValueException naming the property of the first
	 * bad input
	 */
	public synchronized void check() {
		this.declarations.check();
	}

	/**
	 * Reach every declared target's database, run the schema queries, check the schema
	 * names, create missing schemas and prepare every target and schema (its engine is
	 * built when needed). Nothing is migrated. Targets prepared before are left as they
	 * are.
	 * @throws InvalidConfigurationPropertyValueException naming the property of the first
	 * bad input
	 */
	public synchronized void prepare() {
		prepare(true);
	}

	/**
	 * Prepare the targets as {@link #prepare()} does.
	 * @param createSchemas whether to create missing schemas (not in {@code off} or
	 * {@code validate} mode, which change nothing)
	 */
	public synchronized void prepare(boolean createSchemas) {
		this.declarations.prepare(createSchemas).forEach(this::target);
	}

	private synchronized Target target(TargetDefinition definition) {
		return this.targets.computeIfAbsent(definition.id(), (id) -> new Target(definition, this.factory));
	}

	// --- reading

	/**
	 * Every target's engine by id, {@code default} first; builds the engines not built
	 * yet.
	 * @return the engines
	 */
	public Map<String, MigrationEngine> engines() {
		Map<String, MigrationEngine> all = new LinkedHashMap<>();
		MigrationEngine engine = this.defaultEngine.get();
		if (engine != null) {
			all.put(DEFAULT, engine);
		}
		snapshot().forEach((target) -> all.put(target.id(), target.engine()));
		return all;
	}

	/**
	 * The engine of one target, built now if it was not.
	 * @param id {@code default}, {@code name} or {@code name:schema}
	 * @return the engine, or {@code null}
	 */
	public @Nullable MigrationEngine engine(String id) {
		if (DEFAULT.equals(id)) {
			return this.defaultEngine.get();
		}
		Target target;
		synchronized (this) {
			target = this.targets.get(id);
		}
		return (target != null) ? target.engine() : null;
	}

	/**
	 * Every target's status snapshot by id, {@code default} first; builds no engine.
	 * @return the statuses
	 */
	public Map<String, MigrationStatus> statuses() {
		Map<String, MigrationStatus> statuses = new LinkedHashMap<>();
		MigrationEngine engine = this.defaultEngine.get();
		if (engine != null) {
			statuses.put(DEFAULT, engine.status());
		}
		snapshot().forEach((target) -> statuses.put(target.id(), target.status()));
		return statuses;
	}

	/**
	 * Whether targets other than {@code default} exist.
	 * @return whether there are more targets
	 */
	public synchronized boolean hasTargets() {
		return !this.targets.isEmpty() || !this.declarations.isEmpty();
	}

	/**
	 * How many targets run at once ({@code migrations.parallelism}).
	 * @return the parallelism
	 */
	public int parallelism() {
		return this.parallelism;
	}

	private synchronized List<Target> snapshot() {
		return new ArrayList<>(this.targets.values());
	}

	// --- running

	/**
	 * Migrate (or validate) every target other than {@code default} in parallel; wait
	 * until all finished. A failure of one target does not stop the others. Tenants whose
	 * fast path matches in the batch check are up to date without an engine.
	 * @param validateOnly whether to validate instead of migrating
	 * @return each target's run, in registration order
	 */
	public List<TargetRun> migrateAll(boolean validateOnly) {
		List<Target> targets = snapshot();
		if (targets.isEmpty()) {
			return List.of();
		}
		Instant started = Instant.now();
		if (!validateOnly) {
			TenantsUpToDate.settle(this.factory, targets);
		}
		Map<String, Target> toRun = new LinkedHashMap<>();
		targets.stream()
			.filter((target) -> target.hasEngine() || !target.isSettled())
			.forEach((target) -> toRun.put(target.id(), target));
		Map<String, TargetRun> byId = new LinkedHashMap<>();
		ParallelRuns
			.run(new ArrayList<>(toRun.keySet()), this.parallelism,
					(id) -> run(id, toRun.get(id).engine(), validateOnly), this::requestStop)
			.forEach((run) -> byId.put(run.id(), run));
		List<TargetRun> runs = new ArrayList<>();
		for (Target target : targets) {
			TargetRun run = byId.get(target.id());
			runs.add((run != null) ? run : new TargetRun(target.id(), target.status().lastRun(), null));
		}
		logSummary(runs, targets.size() - toRun.size(), Math.min(this.parallelism, Math.max(1, toRun.size())),
				Duration.between(started, Instant.now()));
		return runs;
	}

	/**
	 * Migrate one target now, on the calling thread.
	 * @param id {@code name} or {@code name:schema}
	 * @return the run
	 */
	public TargetRun migrate(String id) {
		MigrationEngine engine = DEFAULT.equals(id) ? null : engine(id);
		if (engine == null) {
			throw new IllegalArgumentException("No target '" + id + "' (known: " + statuses().keySet() + ")");
		}
		return run(id, engine, false);
	}

	/**
	 * Add a tenant schema to a tenant target while the application runs and migrate it
	 * now: the name is checked, the schema created if allowed, and the changelog applied
	 * under that schema's own lock.
	 * @param target the tenant target's name
	 * @param schema the new tenant's schema
	 * @return the run
	 */
	public TargetRun migrateTenant(String target, String schema) {
		TargetDefinition tenant;
		synchronized (this) {
			tenant = this.declarations.addTenant(target, schema);
			target(tenant);
		}
		return migrate(tenant.id());
	}

	/**
	 * Ask every built engine to stop after its current changeset.
	 */
	public void requestStop() {
		MigrationEngine engine = this.defaultEngine.get();
		if (engine != null) {
			engine.requestStop();
		}
		snapshot().stream().filter(Target::hasEngine).forEach((target) -> target.engine().requestStop());
	}

	private static TargetRun run(String id, MigrationEngine engine, boolean validateOnly) {
		try {
			if (validateOnly) {
				MigrationFailure failure = engine.validate().toFailure();
				return new TargetRun(id, null, (failure != null) ? Failures.summary(failure) : null);
			}
			return new TargetRun(id, engine.migrate(), null);
		}
		catch (MigrationException ex) {
			return new TargetRun(id, null, Failures.summary(ex.getFailure()));
		}
		catch (RuntimeException ex) {
			return new TargetRun(id, null, JdbcUrls.sanitize(String.valueOf(ex)));
		}
	}

	private static void logSummary(List<TargetRun> runs, int settled, int threads, Duration took) {
		List<String> failed = runs.stream().filter(TargetRun::failed).map(TargetRun::id).toList();
		int applied = runs.stream()
			.map(TargetRun::report)
			.mapToInt((report) -> (report != null) ? report.applied() : 0)
			.sum();
		String message = "Migrations: " + runs.size() + " target(s) in " + took.toMillis() + " ms (parallelism "
				+ threads + "): " + applied + " changeset(s) applied, " + failed.size() + " failed"
				+ (failed.isEmpty() ? "" : " " + failed)
				+ ((settled > 0) ? "; " + settled + " tenant schema(s) found up to date together (fast path)" : "");
		if (failed.isEmpty()) {
			logger.info(message);
		}
		else {
			logger.error(message);
			runs.stream()
				.filter(TargetRun::failed)
				.forEach((run) -> logger.error("Migrations: target " + run.id() + " failed: " + run.error()));
		}
	}

	/**
	 * Supplies targets or tenant schemas from the application (its own tenant registry)
	 * before the targets are prepared and migrated on boot.
	 */
	@FunctionalInterface
	public interface TargetsCustomizer {

		/**
		 * Register targets or add schemas.
		 * @param targets the targets
		 */
		void customize(TargetEngines targets);

	}

}
