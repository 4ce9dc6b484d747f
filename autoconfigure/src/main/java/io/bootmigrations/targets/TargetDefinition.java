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

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationSettings;

/**
 * A database target: a name, where it lives, and what to apply. A tenant target is a
 * template that is applied once per schema ({@link #forSchema(String)}).
 *
 * @param name the target's name ({@code migrations.targets.<name>})
 * @param schema the tenant schema, or {@code null} for a target without tenants
 * @param dataSource where to migrate; every run takes a connection of its own from it
 * @param settings what to migrate and how
 * @param createSchema whether a missing tenant schema is created
 */
public record TargetDefinition(String name, @Nullable String schema, DataSource dataSource, MigrationSettings settings,
		boolean createSchema) {

	/**
	 * A target without tenant schemas.
	 * @param name the target's name
	 * @param dataSource where to migrate
	 * @param settings what to migrate and how
	 * @return the definition
	 */
	public static TargetDefinition of(String name, DataSource dataSource, MigrationSettings settings) {
		return new TargetDefinition(name, null, dataSource, settings, true);
	}

	/**
	 * The id of the target in reports, the endpoint and {@code --migrations.only}:
	 * {@code name} or {@code name:schema}.
	 * @return the id
	 */
	public String id() {
		return (this.schema != null) ? this.name + ":" + this.schema : this.name;
	}

	/**
	 * This target applied to one tenant schema: the schema is the default schema and
	 * holds its own {@code DATABASECHANGELOG}.
	 * @param tenantSchema the schema
	 * @return the definition for that schema
	 */
	public TargetDefinition forSchema(String tenantSchema) {
		MigrationSettings s = this.settings;
		MigrationSettings tenant = new MigrationSettings(s.changeLog(), s.contexts(), s.labelFilter(), tenantSchema,
				tenantSchema, s.liquibaseTablespace(), s.changeLogTable(), s.lockTable(), s.parameters(), s.tag(),
				s.dropFirst(), s.clearChecksums(), s.testRollbackOnUpdate(), s.analyticsEnabled(), s.licenseKey(),
				s.rollbackFile(), s.showSummary(), s.showSummaryOutput(), s.uiService(), s.customizer());
		return new TargetDefinition(this.name, tenantSchema, this.dataSource, tenant, this.createSchema);
	}

}
