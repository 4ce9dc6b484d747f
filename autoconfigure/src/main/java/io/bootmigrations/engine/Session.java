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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.RuntimeEnvironment;
import liquibase.Scope;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeLogIterator;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.changelog.filter.ShouldRunChangeSetFilter;
import liquibase.changelog.visitor.ListVisitor;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.structure.core.Catalog;
import liquibase.structure.core.Schema;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationStatus.DatabaseInfo;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;

/**
 * One connection, one Liquibase {@link Database}, one parse of the changelog. A session
 * only reads and writes the database; it never changes the engine's state (the runner
 * publishes what a session found).
 */
final class Session implements AutoCloseable {

	private final Connection connection;

	private final MigrationSettings settings;

	private final ResourceAccessor resourceAccessor;

	private final Database database;

	private final Contexts contexts;

	private final LabelExpression labels;

	private @Nullable Liquibase liquibase;

	private @Nullable DatabaseInfo databaseInfo;

	private @Nullable ChangeLogModel model;

	Session(Connection connection, MigrationSettings settings, ResourceAccessor resourceAccessor) throws Exception {
		this.connection = connection;
		this.settings = settings;
		this.resourceAccessor = resourceAccessor;
		this.database = createDatabase(connection, settings);
		this.contexts = new Contexts(settings.contexts());
		this.labels = new LabelExpression(settings.labelFilter());
	}

	/**
	 * Liquibase's view of the database with the configured schemas and tables: the one
	 * place that applies {@code spring.liquibase.default-schema},
	 * {@code liquibase-schema}, {@code liquibase-tablespace} and the table names.
	 */
	static Database createDatabase(Connection connection, MigrationSettings settings) throws Exception {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new SessionJdbcConnection(connection));
		if (settings.defaultSchema() != null) {
			if (database.supports(Schema.class)) {
				database.setDefaultSchemaName(settings.defaultSchema());
			}
			else if (database.supports(Catalog.class)) {
				database.setDefaultCatalogName(settings.defaultSchema());
			}
		}
		if (settings.liquibaseSchema() != null) {
			if (database.supports(Schema.class)) {
				database.setLiquibaseSchemaName(settings.liquibaseSchema());
			}
			else if (database.supports(Catalog.class)) {
				database.setLiquibaseCatalogName(settings.liquibaseSchema());
			}
		}
		if (settings.liquibaseTablespace() != null && database.supportsTablespaces()) {
			database.setLiquibaseTablespaceName(settings.liquibaseTablespace());
		}
		if (settings.changeLogTable() != null) {
			database.setDatabaseChangeLogTableName(settings.changeLogTable());
		}
		if (settings.lockTable() != null) {
			database.setDatabaseChangeLogLockTableName(settings.lockTable());
		}
		return database;
	}

	Connection connection() {
		return this.connection;
	}

	Database database() {
		return this.database;
	}

	Contexts contexts() {
		return this.contexts;
	}

	LabelExpression labels() {
		return this.labels;
	}

	MigrationSettings settings() {
		return this.settings;
	}

	/**
	 * The {@link Liquibase} of this session, created on first use: the one place where
	 * the engine creates a {@code Liquibase}, so the place to apply what configures it.
	 */
	Liquibase liquibase() {
		if (this.liquibase == null) {
			Liquibase created = new Liquibase(this.settings.changeLog(), this.resourceAccessor, this.database);
			this.settings.parameters().forEach(created::setChangeLogParameter);
			// before anything parses: context- and label-scoped <property> values resolve
			// against these (as with Boot's SpringLiquibase), not to the first definition
			created.getChangeLogParameters().setContexts(this.contexts);
			created.getChangeLogParameters().setLabels(this.labels);
			SpringLiquibaseOptions.configure(created, this.settings);
			this.liquibase = created;
		}
		return this.liquibase;
	}

	DatabaseChangeLog changeLog() throws Exception {
		return liquibase().getDatabaseChangeLog();
	}

	ChangeLogModel model() throws Exception {
		// computed once per session: describing every changeset is costly for large
		// changelogs
		ChangeLogModel model = this.model;
		if (model == null) {
			model = ChangeLogModel.of(changeLog(), this.database, this.contexts, this.labels);
			this.model = model;
		}
		return model;
	}

	/**
	 * The changesets recorded as applied, in execution order, read now; empty if the
	 * history table does not exist yet.
	 */
	List<ChangeSetInfo> applied() throws SQLException {
		return history().applied();
	}

	/**
	 * Every row of the history table, read now through the one reader.
	 */
	ChangeLogHistory history() throws SQLException {
		if (!historyTableExists()) {
			return new ChangeLogHistory(List.of(), "");
		}
		String table = this.database.escapeTableName(this.database.getLiquibaseCatalogName(),
				this.database.getLiquibaseSchemaName(), this.database.getDatabaseChangeLogTableName());
		return ChangeLogHistory.read(this.connection, table);
	}

	private boolean historyTableExists() throws SQLException {
		String name = this.settings.changeLogTableName();
		String schema = this.settings.historySchema();
		var metaData = this.connection.getMetaData();
		for (String candidate : List.of(name, name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT))) {
			String schemaPattern = (schema != null) ? schema : this.connection.getSchema();
			try (ResultSet tables = metaData.getTables(this.connection.getCatalog(), schemaPattern, candidate, null)) {
				if (tables.next()) {
					return true;
				}
			}
			if (schema == null) {
				try (ResultSet tables = metaData.getTables(null, null, candidate, null)) {
					if (tables.next()) {
						return true;
					}
				}
			}
		}
		return false;
	}

	/**
	 * The changesets Liquibase would run now, in changelog order.
	 */
	List<ChangeSet> unrun() throws Exception {
		List<ChangeSet> unrun = visit(new ShouldRunChangeSetFilter(this.database));
		// Liquibase re-reads the history under its own lock; never let it reuse this
		// read.
		resetHistory();
		return unrun;
	}

	/**
	 * Every changeset that matches the contexts, labels and database, applied or not.
	 */
	List<ChangeSet> matching() throws Exception {
		return visit(null);
	}

	private List<ChangeSet> visit(@Nullable ChangeSetFilter first) throws Exception {
		ListVisitor visitor = new ListVisitor();
		ChangeSetFilter[] filters = { new ContextChangeSetFilter(this.contexts), new LabelChangeSetFilter(this.labels),
				new DbmsChangeSetFilter(this.database), new IgnoreChangeSetFilter() };
		if (first != null) {
			ChangeSetFilter[] all = new ChangeSetFilter[filters.length + 1];
			all[0] = first;
			System.arraycopy(filters, 0, all, 1, filters.length);
			filters = all;
		}
		new ChangeLogIterator(changeLog(), filters).run(visitor,
				new RuntimeEnvironment(this.database, this.contexts, this.labels));
		return visitor.getSeenChangeSets();
	}

	DatabaseInfo databaseInfo() throws SQLException {
		if (this.databaseInfo == null) {
			String schema = this.database.getDefaultSchemaName();
			this.databaseInfo = DatabaseInfo.of(this.connection,
					(schema != null) ? schema : this.connection.getSchema());
		}
		return this.databaseInfo;
	}

	/**
	 * Commit what a changeset Liquibase skipped left held back; see
	 * {@link SessionJdbcConnection}.
	 */
	void flush() throws Exception {
		if (this.database.getConnection() instanceof SessionJdbcConnection jdbc) {
			jdbc.flush();
		}
	}

	void resetHistory() {
		Scope.getCurrentScope()
			.getSingleton(ChangeLogHistoryServiceFactory.class)
			.getChangeLogService(this.database)
			.reset();
	}

	@Override
	public void close() throws Exception {
		resetHistory();
		this.database.close();
	}

}
