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

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;

/**
 * One {@code migrations.targets.<name>} entry: the keys of {@code spring.liquibase.*}
 * (inherited, so they are the same names with the same meaning) plus where the target's
 * DataSource comes from and its tenant schemas.
 */
public class TargetProperties extends LiquibaseProperties {

	/**
	 * Name of the DataSource bean to migrate. Without it or url, the application's
	 * DataSource is used.
	 */
	private @Nullable String dataSource;

	/**
	 * Tenant schemas: the changelog is applied once per schema, with that schema as
	 * default schema and its own DATABASECHANGELOG.
	 */
	private List<String> schemas = new ArrayList<>();

	/**
	 * SQL run on the target's DataSource at boot that returns the tenant schema names in
	 * its first column.
	 */
	private @Nullable String schemasQuery;

	/**
	 * Whether missing tenant schemas are created.
	 */
	private boolean createSchemas = true;

	public @Nullable String getDataSource() {
		return this.dataSource;
	}

	public void setDataSource(@Nullable String dataSource) {
		this.dataSource = dataSource;
	}

	public List<String> getSchemas() {
		return this.schemas;
	}

	public void setSchemas(List<String> schemas) {
		this.schemas = schemas;
	}

	public @Nullable String getSchemasQuery() {
		return this.schemasQuery;
	}

	public void setSchemasQuery(@Nullable String schemasQuery) {
		this.schemasQuery = schemasQuery;
	}

	public boolean isCreateSchemas() {
		return this.createSchemas;
	}

	public void setCreateSchemas(boolean createSchemas) {
		this.createSchemas = createSchemas;
	}

}
