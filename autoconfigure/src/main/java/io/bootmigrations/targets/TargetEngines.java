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

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.bootmigrations.engine.JdbcUrls;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;

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
 * migrated: every DataSource is reached, schema queries run, names checked, missing
 * schemas created. Bad input therefore fails before any target is migrated.
 */
public final class TargetEngines {

	/** The id of the application's own target. */
	public static final String DEFAULT = "default";

	private static final Log logger = LogFactory.getLog(TargetEngines.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private final TargetEngineFactory factory;

	private final Supplier<@Nullable MigrationEngine> defaultEngine;

	private final int parallelism;

	private final Duration waitForDatabase;

	/** Every declared target by name: plain targets and tenant templates. */
	private final Map<String, Declared> declared = new LinkedHashMap<>();

	/** Engines by id, in registration order. */
	private final Map<String, MigrationEngine> engines = new LinkedHashMap<>();

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
		this.waitForDatabase = waitForDatabase;
	}

	// --- registration

	/**
	 * Register a target without tenant schemas.
	 * @param target the target
	 * @throws IllegalStateException if the name is taken or invalid
	 */
	public synchronized void register(TargetDefinition target) {
		declare(target, null, null);
	}

	/**
	 * Register a tenant target: its changelog is applied once per schema.
	 * @param template the target, without a schema
	 * @param schemas the tenant schemas known now
	 * @param schemasQuery SQL that returns more schema names, run on {@link #prepare()}
	 */
	public synchronized void registerTenants(TargetDefinition template, Collection<String> schemas,
			@Nullable String schemasQuery) {
		declare(template, new ArrayList<>(schemas), schemasQuery);
	}

	/**
	 * Add tenant schemas to a tenant target before {@link #prepare()}, for example from
	 * the application's own tenant registry in a {@link TargetsCustomizer}.
	 * @param target the tenant target's name
	 * @param schemas the schemas to add
	 */
	public synchronized void addSchemas(String target, Collection<String> schemas) {
		tenantTarget(target).schemas.addAll(schemas);
	}

	private void declare(TargetDefinition target, @Nullable List<String> schemas, @Nullable String schemasQuery) {
		String name = target.name();
		if (!NAME.matcher(name).matches()) {
			throw new InvalidConfigurationPropertyValueException("migrations.targets", name,
					"A target name uses letters, digits, '-' and '_' only (it is used as name:schema in "
							+ "--migrations.only)");
		}
		if (DEFAULT.equalsIgnoreCase(name) || this.declared.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
			throw new InvalidConfigurationPropertyValueException("migrations.targets." + name, name,
					"Duplicate target name '" + name + "'"
							+ (DEFAULT.equalsIgnoreCase(name)
									? ": 'default' is the application's own DataSource with spring.liquibase.*" : "")
							+ "; give every target a name of its own");
		}
		this.declared.put(name, new Declared(target, schemas, schemasQuery));
	}

	private Declared tenantTarget(String target) {
		Declared declared = this.declared.get(target);
		if (declared == null || declared.schemas == null) {
			throw new IllegalArgumentException("No tenant target '" + target + "': declare migrations.targets." + target
					+ ".schemas or .schemas-query, or register it with registerTenants");
		}
		return declared;
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
		for (Declared declared : this.declared.values()) {
			try (Connection connection = connect(declared)) {
				if (declared.schemas != null) {
					checkNames(declared, connection, declared.schemas, "schemas");
				}
			}
			catch (SQLException ex) {
				throw unreachable(declared, ex);
			}
		}
	}

	private static InvalidConfigurationPropertyValueException unreachable(Declared declared, SQLException ex) {
		return new InvalidConfigurationPropertyValueException("migrations.targets." + declared.definition.name(),
				declared.definition.name(),
				"Target '" + declared.definition.name() + "' cannot be reached (check its url, user and password, "
						+ "or data-source): " + JdbcUrls.sanitize(String.valueOf(ex.getMessage())));
	}

	/**
	 * Reach every declared target's database, run the schema queries, check the schema
	 * names, create missing schemas and create an engine per target and schema. Nothing
	 * is migrated. Targets prepared before are left as they are.
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
		Map<Declared, List<String>> tenants = new LinkedHashMap<>();
		for (Declared declared : this.declared.values()) {
			try (Connection connection = connect(declared)) {
				if (declared.schemas != null) {
					tenants.put(declared, schemasOf(declared, connection, createSchemas));
				}
			}
			catch (SQLException ex) {
				throw unreachable(declared, ex);
			}
		}
		for (Declared declared : this.declared.values()) {
			if (declared.schemas == null) {
				engineFor(declared.definition);
				continue;
			}
			List<String> schemas = tenants.get(declared);
			if (createSchemas && !schemas.isEmpty()) {
				createSchemas(declared, schemas);
			}
			for (String schema : schemas) {
				engineFor(declared.definition.forSchema(schema));
			}
		}
	}

	private List<String> schemasOf(Declared declared, Connection connection, boolean createSchemas)
			throws SQLException {
		List<String> schemas = new ArrayList<>(declared.schemas);
		String property = "schemas";
		if (declared.schemasQuery != null) {
			try {
				schemas.addAll(TenantSchemas.query(connection, declared.schemasQuery));
			}
			catch (SQLException ex) {
				throw new InvalidConfigurationPropertyValueException(declared.property("schemas-query"),
						declared.schemasQuery,
						"The query failed: " + JdbcUrls.sanitize(String.valueOf(ex.getMessage())));
			}
			property = "schemas-query";
		}
		checkNames(declared, connection, schemas, property);
		if (!declared.definition.createSchema() && createSchemas) {
			for (String schema : schemas) {
				if (!TenantSchemas.exists(connection, schema)) {
					throw new InvalidConfigurationPropertyValueException(declared.property("create-schemas"), "false",
							"Target '" + declared.definition.name() + "': schema '" + schema
									+ "' does not exist; create it or set create-schemas=true");
				}
			}
		}
		return schemas;
	}

	private static void checkNames(Declared declared, Connection connection, List<String> schemas, String property)
			throws SQLException {
		for (String schema : schemas) {
			String problem = TenantSchemas.problem(connection, schema);
			if (problem != null) {
				throw new InvalidConfigurationPropertyValueException(declared.property(property), schema,
						"Target '" + declared.definition.name() + "': " + problem);
			}
		}
		String duplicate = TenantSchemas.duplicate(schemas);
		if (duplicate != null) {
			throw new InvalidConfigurationPropertyValueException(declared.property(property), duplicate,
					"Target '" + declared.definition.name() + "' lists schema '" + duplicate + "' twice");
		}
	}

	private void createSchemas(Declared declared, List<String> schemas) {
		if (!declared.definition.createSchema()) {
			return;
		}
		try (Connection connection = declared.definition.dataSource().getConnection()) {
			connection.setAutoCommit(true);
			for (String schema : schemas) {
				if (!TenantSchemas.exists(connection, schema)) {
					TenantSchemas.create(connection, schema);
					logger.info("Migrations: created schema " + schema + " for target " + declared.definition.name());
				}
			}
		}
		catch (SQLException ex) {
			throw new InvalidConfigurationPropertyValueException(declared.property("create-schemas"), "true",
					"Target '" + declared.definition.name() + "': could not create its schemas: "
							+ JdbcUrls.sanitize(String.valueOf(ex.getMessage())));
		}
	}

	/**
	 * A connection to the target's database, retried for {@code wait-for-database}.
	 */
	private Connection connect(Declared declared) throws SQLException {
		long deadline = System.nanoTime() + this.waitForDatabase.toNanos();
		while (true) {
			try {
				return declared.definition.dataSource().getConnection();
			}
			catch (SQLException ex) {
				if (System.nanoTime() >= deadline) {
					throw ex;
				}
				logger.info("Migrations: target " + declared.definition.name() + " cannot be reached yet, retrying: "
						+ JdbcUrls.sanitize(String.valueOf(ex.getMessage())));
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw ex;
				}
			}
		}
	}

	private synchronized MigrationEngine engineFor(TargetDefinition target) {
		return this.engines.computeIfAbsent(target.id(), (id) -> this.factory.create(target));
	}

	// --- reading

	/**
	 * Every target's engine by id, {@code default} first.
	 * @return the engines
	 */
	public synchronized Map<String, MigrationEngine> engines() {
		Map<String, MigrationEngine> all = new LinkedHashMap<>();
		MigrationEngine engine = this.defaultEngine.get();
		if (engine != null) {
			all.put(DEFAULT, engine);
		}
		all.putAll(this.engines);
		return all;
	}

	/**
	 * The engine of one target.
	 * @param id {@code default}, {@code name} or {@code name:schema}
	 * @return the engine, or {@code null}
	 */
	public synchronized @Nullable MigrationEngine engine(String id) {
		return DEFAULT.equals(id) ? this.defaultEngine.get() : this.engines.get(id);
	}

	/**
	 * Every target's status snapshot by id, {@code default} first.
	 * @return the statuses
	 */
	public Map<String, MigrationStatus> statuses() {
		Map<String, MigrationStatus> statuses = new LinkedHashMap<>();
		engines().forEach((id, engine) -> statuses.put(id, engine.status()));
		return statuses;
	}

	/**
	 * Whether targets other than {@code default} exist.
	 * @return whether there are more targets
	 */
	public synchronized boolean hasTargets() {
		return !this.engines.isEmpty() || !this.declared.isEmpty();
	}

	// --- running

	/**
	 * Migrate (or validate) every target other than {@code default} in parallel; wait
	 * until all finished. A failure of one target does not stop the others.
	 * @param validateOnly whether to validate instead of migrating
	 * @return each target's run, in registration order
	 */
	public List<TargetRun> migrateAll(boolean validateOnly) {
		Map<String, MigrationEngine> engines;
		synchronized (this) {
			engines = new LinkedHashMap<>(this.engines);
		}
		if (engines.isEmpty()) {
			return List.of();
		}
		Instant started = Instant.now();
		int threads = Math.min(this.parallelism, engines.size());
		AtomicInteger threadNumber = new AtomicInteger();
		ExecutorService executor = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, "migrations-" + threadNumber.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		List<TargetRun> runs = new ArrayList<>();
		try {
			List<Future<TargetRun>> futures = new ArrayList<>();
			engines.forEach((id, engine) -> futures.add(executor.submit(() -> run(id, engine, validateOnly))));
			for (Future<TargetRun> future : futures) {
				runs.add(future.get());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			engines.values().forEach(MigrationEngine::requestStop);
			throw new IllegalStateException("Interrupted while migrating targets", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Migrating a target failed unexpectedly", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
		logSummary(runs, threads, Duration.between(started, Instant.now()));
		return runs;
	}

	/**
	 * Migrate one target now, on the calling thread.
	 * @param id {@code name} or {@code name:schema}
	 * @return the run
	 */
	public TargetRun migrate(String id) {
		MigrationEngine engine = engine(id);
		if (engine == null || DEFAULT.equals(id)) {
			throw new IllegalArgumentException("No target '" + id + "' (known: " + engines().keySet() + ")");
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
			Declared declared = tenantTarget(target);
			try (Connection connection = connect(declared)) {
				String problem = TenantSchemas.problem(connection, schema);
				if (problem != null) {
					throw new IllegalArgumentException("Target '" + target + "': " + problem);
				}
				if (!declared.schemas.contains(schema)) {
					declared.schemas.add(schema);
				}
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Target '" + target + "' cannot be reached: "
						+ JdbcUrls.sanitize(String.valueOf(ex.getMessage())), ex);
			}
			createSchemas(declared, List.of(schema));
			tenant = declared.definition.forSchema(schema);
			engineFor(tenant);
		}
		return migrate(tenant.id());
	}

	/**
	 * Ask every target's engine to stop after its current changeset.
	 */
	public void requestStop() {
		engines().values().forEach(MigrationEngine::requestStop);
	}

	private TargetRun run(String id, MigrationEngine engine, boolean validateOnly) {
		Thread thread = Thread.currentThread();
		String threadName = thread.getName();
		thread.setName("migrations-" + id);
		try {
			if (validateOnly) {
				MigrationFailure failure = engine.validate().toFailure();
				return (failure != null) ? new TargetRun(id, null, describe(failure)) : new TargetRun(id, null, null);
			}
			return new TargetRun(id, engine.migrate(), null);
		}
		catch (MigrationException ex) {
			return new TargetRun(id, null, describe(ex.getFailure()));
		}
		catch (RuntimeException ex) {
			return new TargetRun(id, null, JdbcUrls.sanitize(String.valueOf(ex)));
		}
		finally {
			thread.setName(threadName);
		}
	}

	private static String describe(MigrationFailure failure) {
		return Failures.summary(failure);
	}

	private void logSummary(List<TargetRun> runs, int threads, Duration took) {
		List<String> failed = runs.stream().filter(TargetRun::failed).map(TargetRun::id).toList();
		int applied = runs.stream()
			.map(TargetRun::report)
			.mapToInt((report) -> (report != null) ? report.applied() : 0)
			.sum();
		String message = "Migrations: " + runs.size() + " target(s) in " + took.toMillis() + " ms (parallelism "
				+ threads + "): " + applied + " changeset(s) applied, " + failed.size() + " failed"
				+ (failed.isEmpty() ? "" : " " + failed);
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

	private static final class Declared {

		final TargetDefinition definition;

		final @Nullable List<String> schemas;

		final @Nullable String schemasQuery;

		Declared(TargetDefinition definition, @Nullable List<String> schemas, @Nullable String schemasQuery) {
			this.definition = definition;
			this.schemas = schemas;
			this.schemasQuery = schemasQuery;
		}

		String property(String key) {
			return "migrations.targets." + this.definition.name() + "." + key;
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
