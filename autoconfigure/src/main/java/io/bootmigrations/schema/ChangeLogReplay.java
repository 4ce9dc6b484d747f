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

package io.bootmigrations.schema;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.change.AbstractChange;
import liquibase.change.Change;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.visitor.ListVisitor;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

import io.bootmigrations.engine.MigrationSettings;

/**
 * The changelog on one scratch database: applies and rolls back single changesets with
 * Liquibase, without a history table, so that exactly the chosen changesets run. Reports
 * changesets that hard-code a schema other than the one compared: their objects land
 * outside the snapshot.
 */
final class ChangeLogReplay implements AutoCloseable {

	private final MigrationSettings settings;

	private final ResourceAccessor resourceAccessor;

	private final Connection connection;

	private final Database database;

	private final String schema;

	private final DatabaseChangeLog changeLog;

	private final Set<String> notes = new LinkedHashSet<>();

	ChangeLogReplay(DataSource dataSource, String schema, MigrationSettings settings, ResourceAccessor resourceAccessor)
			throws Exception {
		this.settings = settings;
		this.resourceAccessor = resourceAccessor;
		this.schema = schema;
		this.connection = dataSource.getConnection();
		try {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("CREATE SCHEMA IF NOT EXISTS " + SchemaSnapshot.quote(schema));
			}
			this.database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(this.connection));
			this.database.setDefaultSchemaName(schema);
			this.changeLog = inScope(() -> {
				Liquibase liquibase = new Liquibase(settings.changeLog(), resourceAccessor, this.database);
				settings.parameters().forEach(liquibase::setChangeLogParameter);
				return liquibase.getDatabaseChangeLog();
			});
		}
		catch (Exception ex) {
			this.connection.close();
			throw ex;
		}
	}

	/**
	 * The changesets an update would consider, in changelog order: those of the
	 * configured contexts, labels and database, without {@code tagDatabase}-only ones (a
	 * tag lives in the history table, which scratch space has none of).
	 */
	List<ChangeSet> changeSets() throws Exception {
		Contexts contexts = new Contexts(this.settings.contexts());
		LabelExpression labels = new LabelExpression(this.settings.labelFilter());
		ListVisitor visitor = new ListVisitor();
		inScope(() -> {
			new ChangeLogIterator(this.changeLog, new ContextChangeSetFilter(contexts),
					new LabelChangeSetFilter(labels), new DbmsChangeSetFilter(this.database),
					new IgnoreChangeSetFilter())
				.run(visitor, new RuntimeEnvironment(this.database, contexts, labels));
			return null;
		});
		return visitor.getSeenChangeSets().stream().filter((changeSet) -> !tagOnly(changeSet)).toList();
	}

	/**
	 * Every changeset of the changelog by its key ({@code file::id::author}, normalized
	 * like Liquibase compares them).
	 */
	Map<String, ChangeSet> byKey() {
		Map<String, ChangeSet> byKey = new HashMap<>();
		this.changeLog.getChangeSets()
			.forEach((changeSet) -> byKey.put(key(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor()),
					changeSet));
		return byKey;
	}

	static String key(String file, String id, String author) {
		return (DatabaseChangeLog.normalizePath(file) + "::" + id + "::" + author).toLowerCase(Locale.ROOT);
	}

	void apply(ChangeSet changeSet) throws Exception {
		noteHardCodedSchemas(changeSet);
		inScope(() -> changeSet.execute(this.changeLog, null, this.database));
	}

	void rollback(ChangeSet changeSet) throws Exception {
		inScope(() -> {
			changeSet.rollback(this.database);
			return null;
		});
	}

	SchemaSnapshot snapshot(ObjectFilter filter) throws SQLException {
		return SchemaSnapshot.of(this.connection, this.schema, filter);
	}

	/**
	 * Note the schemas besides the compared one that hold objects after the replay: raw
	 * SQL that names another schema puts them there.
	 */
	void noteObjectsOutsideSchema() throws SQLException {
		try (java.sql.PreparedStatement query = this.connection.prepareStatement("SELECT DISTINCT n.nspname FROM "
				+ "pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname <> ? AND n.nspname NOT IN "
				+ "('information_schema', 'pg_catalog', 'pg_toast') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1")) {
			query.setString(1, this.schema);
			try (java.sql.ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					this.notes.add("the changesets create objects in schema '" + rs.getString(1) + "', outside the "
							+ "compared schema '" + this.schema + "': they hard-code a schema name, and those objects "
							+ "are not checked");
				}
			}
		}
	}

	/**
	 * What the replay found worth saying that is not a difference: changesets that
	 * hard-code another schema.
	 */
	List<String> notes() {
		return new ArrayList<>(this.notes);
	}

	static boolean tagOnly(ChangeSet changeSet) {
		return !changeSet.getChanges().isEmpty()
				&& changeSet.getChanges().stream().allMatch((change) -> change instanceof TagDatabaseChange);
	}

	private void noteHardCodedSchemas(ChangeSet changeSet) {
		for (Change change : changeSet.getChanges()) {
			if (change instanceof AbstractChange abstractChange) {
				for (String field : abstractChange.getSerializableFields()) {
					if (field.toLowerCase(Locale.ROOT).endsWith("schemaname")
							&& abstractChange.getSerializableFieldValue(field) instanceof String named
							&& !named.equalsIgnoreCase(this.schema)) {
						this.notes.add("changeset " + changeSet + " hard-codes schema '" + named + "' ("
								+ change.getSerializedObjectName() + "): its objects are outside the compared schema '"
								+ this.schema + "' and are not checked");
					}
				}
			}
		}
	}

	private <T> T inScope(Callable<T> work) throws Exception {
		Map<String, Object> scope = new HashMap<>();
		scope.put(Scope.Attr.ui.name(), new LoggerUIService());
		scope.put(Scope.Attr.resourceAccessor.name(), this.resourceAccessor);
		scope.put(AnalyticsArgs.ENABLED.getKey(), false);
		return Scope.child(scope, work::call);
	}

	@Override
	public void close() throws Exception {
		try {
			this.database.close();
		}
		finally {
			this.connection.close();
		}
	}

}
