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

package io.bootmigrations.autogenerate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.Change;
import liquibase.changelog.ChangeSet;
import liquibase.database.AbstractJdbcDatabase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.diff.DiffGeneratorFactory;
import liquibase.diff.DiffResult;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.compare.CompareControl;
import liquibase.diff.output.DiffOutputControl;
import liquibase.diff.output.changelog.DiffToChangeLog;
import liquibase.resource.ResourceAccessor;
import liquibase.snapshot.DatabaseSnapshot;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import liquibase.statement.SqlStatement;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;
import liquibase.ui.LoggerUIService;

import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.schema.ChangeLogSchema;
import io.bootmigrations.schema.ScratchDatabase;
import io.bootmigrations.schema.ScratchSpace;

/**
 * Compares the schema the JPA entities need with the schema the changelog produces, both
 * built in scratch databases (never the application's): the whole changelog replayed into
 * one, Hibernate's creation script for the entities run in the other. Liquibase's diff
 * compares them (keys and indexes by their columns, not their generated names) and turns
 * the difference into changes.
 * <p>
 * Tables and sequences that no entity maps are left alone: a Spring application often
 * reads some tables with {@code JdbcClient}, and the entities are not the whole model. In
 * the tables an entity maps, columns, keys and indexes the entities lack are dropped.
 */
public final class EntityComparison {

	private static final Set<Class<? extends DatabaseObject>> TYPES = Set.of(Table.class, Column.class,
			PrimaryKey.class, UniqueConstraint.class, ForeignKey.class, Index.class, Sequence.class);

	private final MigrationSettings settings;

	private final ResourceAccessor resourceAccessor;

	private final ScratchSpace scratchSpace;

	private final EntityModel entities;

	/**
	 * Create a comparison.
	 * @param settings the migration settings (changelog, contexts, labels, schema)
	 * @param resourceAccessor how Liquibase finds changelog files
	 * @param scratchSpace where the two schemas are built
	 * @param entities the JPA entities
	 */
	public EntityComparison(MigrationSettings settings, ResourceAccessor resourceAccessor, ScratchSpace scratchSpace,
			EntityModel entities) {
		this.settings = settings;
		this.resourceAccessor = resourceAccessor;
		this.scratchSpace = scratchSpace;
		this.entities = entities;
	}

	/**
	 * Whether the application has JPA entities to compare.
	 * @return {@code true} if it has
	 */
	public boolean isAvailable() {
		return this.entities.isAvailable();
	}

	/**
	 * Compare the entities with the changelog.
	 * @return the differences and the changes that remove them, empty if none
	 * @throws IllegalStateException if the entities are unknown, a scratch database
	 * cannot be made, or either schema cannot be built in it
	 */
	public EntityDifferences compare() {
		List<String> statements = this.entities.createStatements();
		String schema = (this.settings.defaultSchema() != null) ? this.settings.defaultSchema() : "public";
		try (ScratchDatabase migrations = this.scratchSpace.create();
				ScratchDatabase entities = this.scratchSpace.create()) {
			List<String> notes = ChangeLogSchema.replay(migrations.dataSource(), schema, this.settings,
					this.resourceAccessor);
			create(entities.dataSource(), schema, statements);
			try (Connection migrated = migrations.dataSource().getConnection();
					Connection mapped = entities.dataSource().getConnection()) {
				return inScope(() -> diff(database(mapped, schema), database(migrated, schema), notes));
			}
		}
		catch (IllegalStateException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot compare the JPA entities with the changelog: " + ex.getMessage(),
					ex);
		}
	}

	private EntityDifferences diff(Database reference, Database migrated, List<String> notes) throws Exception {
		CompareControl compareControl = new CompareControl(new HashSet<>(TYPES));
		// the entities' field order is not the changelog's column order, and need not be
		compareControl.addSuppressedField(Column.class, "order");
		DiffResult diff = DiffGeneratorFactory.getInstance().compare(reference, migrated, compareControl);
		MappedTables mapped = new MappedTables(diff.getReferenceSnapshot().get(Table.class));
		DiffOutputControl control = new DiffOutputControl(false, false, false, null).setObjectChangeFilter(mapped);
		List<GeneratedChange> changes = new ArrayList<>();
		for (ChangeSet changeSet : new DiffToChangeLog(diff, control).generateChangeSets()) {
			for (Change change : changeSet.getChanges()) {
				changes.add(generated(change, migrated));
			}
		}
		Set<String> backing = backingIndexes(diff);
		List<String> differences = new ArrayList<>();
		List<Column> added = new ArrayList<>();
		List<Column> dropped = new ArrayList<>();
		for (DatabaseObject object : SchemaObjects.sorted(diff.getMissingObjects())) {
			if (mapped.include(object) && !backing.contains(SchemaObjects.key(object))) {
				differences.add(SchemaObjects.describe(object) + ": in the entities, not in the migrations");
				if (object instanceof Column column) {
					added.add(column);
				}
			}
		}
		for (DatabaseObject object : SchemaObjects.sorted(diff.getUnexpectedObjects())) {
			if (mapped.includeUnexpected(object, reference, migrated) && !backing.contains(SchemaObjects.key(object))) {
				differences.add(SchemaObjects.describe(object) + ": in the migrations, not in the entities");
				if (object instanceof Column column) {
					dropped.add(column);
				}
			}
		}
		Map<DatabaseObject, ObjectDifferences> changed = diff.getChangedObjects();
		for (DatabaseObject object : SchemaObjects.sorted(changed.keySet())) {
			if (mapped.include(object) && !backing.contains(SchemaObjects.key(object))) {
				differences
					.add(SchemaObjects.describe(object) + " differs: " + SchemaObjects.describe(changed.get(object)));
			}
		}
		return new EntityDifferences(differences, changes, SchemaObjects.renames(added, dropped), notes);
	}

	/**
	 * The indexes behind primary keys and unique constraints, which the differences name
	 * through their constraint.
	 */
	private static Set<String> backingIndexes(DiffResult diff) {
		Set<String> backing = new HashSet<>();
		for (DatabaseSnapshot snapshot : List.of(diff.getReferenceSnapshot(), diff.getComparisonSnapshot())) {
			snapshot.get(UniqueConstraint.class).forEach((constraint) -> {
				if (constraint.getBackingIndex() != null) {
					backing.add(SchemaObjects.key(constraint.getBackingIndex()));
				}
			});
			snapshot.get(PrimaryKey.class).forEach((key) -> {
				if (key.getBackingIndex() != null) {
					backing.add(SchemaObjects.key(key.getBackingIndex()));
				}
			});
		}
		return backing;
	}

	private static GeneratedChange generated(Change change, Database database) {
		SqlGeneratorFactory generator = SqlGeneratorFactory.getInstance();
		List<String> sql = Arrays.stream(generator.generateSql(change, database)).map(Sql::toSql).toList();
		List<String> rollback = null;
		if (change.supportsRollback(database)) {
			try {
				List<String> statements = new ArrayList<>();
				for (SqlStatement statement : change.generateRollbackStatements(database)) {
					Arrays.stream(generator.generateSql(statement, database)).map(Sql::toSql).forEach(statements::add);
				}
				rollback = statements;
			}
			catch (Exception ex) {
				rollback = null;
			}
		}
		return new GeneratedChange(change, change.getDescription(), sql, rollback);
	}

	private static void create(DataSource dataSource, String schema, List<String> statements) throws SQLException {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(schema));
			statement.execute("SET search_path TO " + quote(schema));
			for (String sql : statements) {
				try {
					statement.execute(sql);
				}
				catch (SQLException ex) {
					throw new IllegalStateException("Hibernate's DDL for the JPA entities fails on an empty scratch "
							+ "database at: " + sql + " (" + ex.getMessage() + ")", ex);
				}
			}
		}
	}

	private static Database database(Connection connection, String schema) throws Exception {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		database.setDefaultSchemaName(schema);
		if (database instanceof AbstractJdbcDatabase jdbc) {
			jdbc.setOutputDefaultSchema(false);
		}
		return database;
	}

	private static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

	private static <T> T inScope(Scope.ScopedRunnerWithReturn<T> work) throws Exception {
		Map<String, Object> scope = new HashMap<>();
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		scope.put(AnalyticsArgs.ENABLED.getKey(), false);
		return Scope.child(scope, work);
	}

}
