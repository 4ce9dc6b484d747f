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
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import io.bootmigrations.engine.JdbcUrls;

/**
 * The declared targets and their checks: names, databases reached, schema queries run,
 * schema names checked, missing schemas created. Every bad input fails here, naming its
 * property, before any target other than {@code default} is migrated. Not thread-safe:
 * {@link TargetEngines} calls it under its own lock.
 */
final class TargetDeclarations {

	private static final Log logger = LogFactory.getLog(TargetDeclarations.class);

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

	private final Duration waitForDatabase;

	/** Every declared target by name: plain targets and tenant templates. */
	private final Map<String, Declared> declared = new LinkedHashMap<>();

	TargetDeclarations(Duration waitForDatabase) {
		this.waitForDatabase = waitForDatabase;
	}

	boolean isEmpty() {
		return this.declared.isEmpty();
	}

	void declare(TargetDefinition target, @Nullable List<String> schemas, @Nullable String schemasQuery) {
		String name = target.name();
		if (!NAME.matcher(name).matches()) {
			throw new InvalidConfigurationPropertyValueException("migrations.targets", name,
					"A target name uses letters, digits, '-' and '_' only (it is used as name:schema in "
							+ "--migrations.only)");
		}
		String defaultName = TargetEngines.DEFAULT;
		if (defaultName.equalsIgnoreCase(name) || this.declared.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
			throw new InvalidConfigurationPropertyValueException("migrations.targets." + name, name,
					"Duplicate target name '" + name + "'"
							+ (defaultName.equalsIgnoreCase(name)
									? ": 'default' is the application's own DataSource with spring.liquibase.*" : "")
							+ "; give every target a name of its own");
		}
		this.declared.put(name,
				new Declared(target, (schemas != null) ? new ArrayList<>(schemas) : null, schemasQuery));
	}

	void addSchemas(String target, Collection<String> schemas) {
		tenantTarget(target).schemas.addAll(schemas);
	}

	private Declared tenantTarget(String target) {
		Declared declared = this.declared.get(target);
		if (declared == null || declared.schemas == null) {
			throw new IllegalArgumentException("No tenant target '" + target + "': declare migrations.targets." + target
					+ ".schemas or .schemas-query, or register it with registerTenants");
		}
		return declared;
	}

	/**
	 * Reach every declared target's database and check the listed schema names.
	 */
	void check() {
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

	/**
	 * Reach every declared target's database, run the schema queries, check the names,
	 * create missing schemas.
	 * @param createSchemas whether to create missing schemas
	 * @return every target, each tenant schema a target of its own, in declaration order
	 */
	List<TargetDefinition> prepare(boolean createSchemas) {
		List<TargetDefinition> targets = new ArrayList<>();
		for (Declared declared : this.declared.values()) {
			if (declared.schemas == null) {
				try (Connection connection = connect(declared)) {
					targets.add(declared.definition);
				}
				catch (SQLException ex) {
					throw unreachable(declared, ex);
				}
				continue;
			}
			for (String schema : schemasOf(declared, createSchemas)) {
				targets.add(declared.definition.forSchema(schema));
			}
		}
		return targets;
	}

	/**
	 * Add a tenant schema while the application runs: checked, created if allowed.
	 * @param target the tenant target's name
	 * @param schema the schema
	 * @return the tenant's definition
	 */
	TargetDefinition addTenant(String target, String schema) {
		Declared declared = tenantTarget(target);
		try (Connection connection = connect(declared)) {
			String problem = TenantSchemas.problem(connection, schema);
			if (problem != null) {
				throw new IllegalArgumentException("Target '" + target + "': " + problem);
			}
			if (!declared.schemas.contains(schema)) {
				declared.schemas.add(schema);
			}
			if (declared.definition.createSchema() && !TenantSchemas.exists(connection, schema)) {
				create(declared, connection, List.of(schema));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Target '" + target + "' cannot be reached: " + JdbcUrls.sanitize(String.valueOf(ex.getMessage())),
					ex);
		}
		return declared.definition.forSchema(schema);
	}

	private List<String> schemasOf(Declared declared, boolean createSchemas) {
		try (Connection connection = connect(declared)) {
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
			if (!createSchemas || schemas.isEmpty()) {
				return schemas;
			}
			Set<String> existing = TenantSchemas.existing(connection);
			List<String> missing = schemas.stream().filter((schema) -> !existing.contains(schema)).toList();
			if (!missing.isEmpty() && !declared.definition.createSchema()) {
				throw new InvalidConfigurationPropertyValueException(declared.property("create-schemas"), "false",
						"Target '" + declared.definition.name() + "': schema '" + missing.get(0)
								+ "' does not exist; create it or set create-schemas=true");
			}
			create(declared, connection, missing);
			return schemas;
		}
		catch (SQLException ex) {
			throw unreachable(declared, ex);
		}
	}

	private static void checkNames(Declared declared, Connection connection, List<String> schemas, String property)
			throws SQLException {
		String[] problem = TenantSchemas.firstProblem(connection, schemas);
		if (problem != null) {
			throw new InvalidConfigurationPropertyValueException(declared.property(property), problem[0],
					"Target '" + declared.definition.name() + "': " + problem[1]);
		}
		String duplicate = TenantSchemas.duplicate(schemas);
		if (duplicate != null) {
			throw new InvalidConfigurationPropertyValueException(declared.property(property), duplicate,
					"Target '" + declared.definition.name() + "' lists schema '" + duplicate + "' twice");
		}
	}

	private static void create(Declared declared, Connection connection, List<String> schemas) {
		try {
			connection.setAutoCommit(true);
			for (String schema : schemas) {
				TenantSchemas.create(connection, schema);
				logger.info("Migrations: created schema " + schema + " for target " + declared.definition.name());
			}
		}
		catch (SQLException ex) {
			throw new InvalidConfigurationPropertyValueException(declared.property("create-schemas"), "true",
					"Target '" + declared.definition.name() + "': could not create its schemas: "
							+ JdbcUrls.sanitize(String.valueOf(ex.getMessage())));
		}
	}

	private static InvalidConfigurationPropertyValueException unreachable(Declared declared, SQLException ex) {
		return new InvalidConfigurationPropertyValueException("migrations.targets." + declared.definition.name(),
				declared.definition.name(),
				"Target '" + declared.definition.name() + "' cannot be reached (check its url, user and password, "
						+ "or data-source): " + JdbcUrls.sanitize(String.valueOf(ex.getMessage())));
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

}
