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

import java.nio.file.Path;
import java.util.Map;

import liquibase.Liquibase;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.integration.spring.Customizer;
import liquibase.ui.UIServiceEnum;
import org.jspecify.annotations.Nullable;

/**
 * What the engine migrates and how: the Liquibase settings, independent of where they
 * were configured.
 *
 * @param changeLog the master changelog location
 * @param contexts comma-separated contexts, or {@code null} for all
 * @param labelFilter label filter expression, or {@code null} for all
 * @param defaultSchema default schema for the changesets' objects
 * @param liquibaseSchema schema of Liquibase's own tables
 * @param liquibaseTablespace tablespace of Liquibase's own tables
 * @param changeLogTable name of the changelog table, or {@code null} for Liquibase's
 * default
 * @param lockTable name of Liquibase's lock table, or {@code null} for Liquibase's
 * default
 * @param parameters changelog parameters
 * @param tag tag to apply to the database after an update
 * @param dropFirst whether to drop the whole schema before migrating
 * @param clearChecksums whether to clear stored checksums before migrating
 * @param testRollbackOnUpdate whether to test rollbacks of the changesets before applying
 * them
 * @param analyticsEnabled whether Liquibase may send usage analytics
 * @param licenseKey Liquibase licence key, if any
 * @param rollbackFile file the rollback SQL of the changesets an update on boot applies
 * is written to before it applies them, or {@code null} for none
 * @param showSummary the update summary Liquibase reports, or {@code null} for its
 * default
 * @param showSummaryOutput where Liquibase reports the update summary, or {@code null}
 * for its default
 * @param uiService where Liquibase's user messages go, or {@code null} for the log
 * @param customizer applied to each {@link Liquibase} the engine creates, after the
 * settings above (as Spring Boot applies a {@code Customizer<Liquibase>} bean), or
 * {@code null}
 */
public record MigrationSettings(String changeLog, @Nullable String contexts, @Nullable String labelFilter,
		@Nullable String defaultSchema, @Nullable String liquibaseSchema, @Nullable String liquibaseTablespace,
		@Nullable String changeLogTable, @Nullable String lockTable, Map<String, String> parameters,
		@Nullable String tag, boolean dropFirst, boolean clearChecksums, boolean testRollbackOnUpdate,
		boolean analyticsEnabled, @Nullable String licenseKey, @Nullable Path rollbackFile,
		@Nullable UpdateSummaryEnum showSummary, @Nullable UpdateSummaryOutputEnum showSummaryOutput,
		@Nullable UIServiceEnum uiService, @Nullable Customizer<Liquibase> customizer) {

	/** Liquibase's default name of the history table. */
	public static final String DEFAULT_CHANGELOG_TABLE = "DATABASECHANGELOG";

	/** Liquibase's default name of its lock table. */
	public static final String DEFAULT_LOCK_TABLE = "DATABASECHANGELOGLOCK";

	public MigrationSettings {
		parameters = Map.copyOf(parameters);
	}

	/**
	 * The history table's name: the configured one, else Liquibase's default. The one
	 * place that applies the default.
	 * @return the table name
	 */
	public String changeLogTableName() {
		return (this.changeLogTable != null) ? this.changeLogTable : DEFAULT_CHANGELOG_TABLE;
	}

	/**
	 * Liquibase's lock table's name: the configured one, else Liquibase's default.
	 * @return the table name
	 */
	public String lockTableName() {
		return (this.lockTable != null) ? this.lockTable : DEFAULT_LOCK_TABLE;
	}

	/**
	 * The schema of Liquibase's own tables as Liquibase resolves it: the Liquibase
	 * schema, else the default schema. The one place that applies that rule.
	 * @return the schema, or {@code null} for the connection's
	 */
	public @Nullable String historySchema() {
		return (this.liquibaseSchema != null) ? this.liquibaseSchema : this.defaultSchema;
	}

	/**
	 * Settings for the given changelog with Liquibase's defaults for everything else.
	 * @param changeLog the master changelog location
	 * @return a builder
	 */
	public static Builder forChangeLog(String changeLog) {
		return new Builder(changeLog);
	}

	/**
	 * Builds {@link MigrationSettings}.
	 */
	public static final class Builder {

		private final String changeLog;

		private @Nullable String contexts;

		private @Nullable String labelFilter;

		private @Nullable String defaultSchema;

		private @Nullable String liquibaseSchema;

		private @Nullable String liquibaseTablespace;

		private @Nullable String changeLogTable;

		private @Nullable String lockTable;

		private Map<String, String> parameters = Map.of();

		private @Nullable String tag;

		private boolean dropFirst;

		private boolean clearChecksums;

		private boolean testRollbackOnUpdate;

		private boolean analyticsEnabled;

		private @Nullable String licenseKey;

		private @Nullable Path rollbackFile;

		private @Nullable UpdateSummaryEnum showSummary;

		private @Nullable UpdateSummaryOutputEnum showSummaryOutput;

		private @Nullable UIServiceEnum uiService;

		private @Nullable Customizer<Liquibase> customizer;

		private Builder(String changeLog) {
			this.changeLog = changeLog;
		}

		public Builder contexts(@Nullable String contexts) {
			this.contexts = contexts;
			return this;
		}

		public Builder labelFilter(@Nullable String labelFilter) {
			this.labelFilter = labelFilter;
			return this;
		}

		public Builder defaultSchema(@Nullable String defaultSchema) {
			this.defaultSchema = defaultSchema;
			return this;
		}

		public Builder liquibaseSchema(@Nullable String liquibaseSchema) {
			this.liquibaseSchema = liquibaseSchema;
			return this;
		}

		public Builder liquibaseTablespace(@Nullable String liquibaseTablespace) {
			this.liquibaseTablespace = liquibaseTablespace;
			return this;
		}

		public Builder changeLogTable(@Nullable String changeLogTable) {
			this.changeLogTable = changeLogTable;
			return this;
		}

		public Builder lockTable(@Nullable String lockTable) {
			this.lockTable = lockTable;
			return this;
		}

		public Builder parameters(@Nullable Map<String, String> parameters) {
			this.parameters = (parameters != null) ? parameters : Map.of();
			return this;
		}

		public Builder tag(@Nullable String tag) {
			this.tag = tag;
			return this;
		}

		public Builder dropFirst(boolean dropFirst) {
			this.dropFirst = dropFirst;
			return this;
		}

		public Builder clearChecksums(boolean clearChecksums) {
			this.clearChecksums = clearChecksums;
			return this;
		}

		public Builder testRollbackOnUpdate(boolean testRollbackOnUpdate) {
			this.testRollbackOnUpdate = testRollbackOnUpdate;
			return this;
		}

		public Builder analyticsEnabled(boolean analyticsEnabled) {
			this.analyticsEnabled = analyticsEnabled;
			return this;
		}

		public Builder licenseKey(@Nullable String licenseKey) {
			this.licenseKey = licenseKey;
			return this;
		}

		public Builder rollbackFile(@Nullable Path rollbackFile) {
			this.rollbackFile = rollbackFile;
			return this;
		}

		public Builder showSummary(@Nullable UpdateSummaryEnum showSummary) {
			this.showSummary = showSummary;
			return this;
		}

		public Builder showSummaryOutput(@Nullable UpdateSummaryOutputEnum showSummaryOutput) {
			this.showSummaryOutput = showSummaryOutput;
			return this;
		}

		public Builder uiService(@Nullable UIServiceEnum uiService) {
			this.uiService = uiService;
			return this;
		}

		public Builder customizer(@Nullable Customizer<Liquibase> customizer) {
			this.customizer = customizer;
			return this;
		}

		public MigrationSettings build() {
			return new MigrationSettings(this.changeLog, this.contexts, this.labelFilter, this.defaultSchema,
					this.liquibaseSchema, this.liquibaseTablespace, this.changeLogTable, this.lockTable,
					this.parameters, this.tag, this.dropFirst, this.clearChecksums, this.testRollbackOnUpdate,
					this.analyticsEnabled, this.licenseKey, this.rollbackFile, this.showSummary, this.showSummaryOutput,
					this.uiService, this.customizer);
		}

	}

}
