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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import liquibase.resource.DirectoryResourceAccessor;
import liquibase.resource.ResourceAccessor;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.testsupport.ChangeLogs;
import io.bootmigrations.testsupport.TestDatabase;

/**
 * A changelog written to a directory for one test, with an engine that migrates a test
 * database with it.
 */
final class SchemaChangeLogs {

	static final String CHANGELOG = "changelog.xml";

	/** One table of every kind of object the snapshot compares. */
	static final String EVERY_KIND = """
			<changeSet id="1" author="t">
				<createTable tableName="customer">
					<column name="id" type="bigint"><constraints primaryKey="true" primaryKeyName="customer_pk"/></column>
					<column name="email" type="varchar(200)"><constraints nullable="false" unique="true" uniqueConstraintName="customer_email_uq"/></column>
					<column name="status" type="varchar(20)" defaultValue="new"/>
					<column name="age" type="int"/>
					<column name="score" type="int"/>
					<column name="nickname" type="varchar(50)"/>
				</createTable>
				<createTable tableName="orders">
					<column name="id" type="bigint"><constraints primaryKey="true"/></column>
					<column name="customer_id" type="bigint"><constraints nullable="false" foreignKeyName="orders_customer_fk" references="customer(id)"/></column>
				</createTable>
				<createIndex tableName="orders" indexName="orders_customer_idx"><column name="customer_id"/></createIndex>
				<sql>ALTER TABLE customer ADD CONSTRAINT customer_age_check CHECK (age &gt;= 0)</sql>
				<createView viewName="adults">SELECT id, email FROM customer WHERE age &gt;= 18</createView>
				<createSequence sequenceName="invoice_seq" startValue="100" incrementBy="1"/>
				<rollback>
					<dropSequence sequenceName="invoice_seq"/>
					<dropView viewName="adults"/>
					<dropTable tableName="orders"/>
					<dropTable tableName="customer"/>
				</rollback>
			</changeSet>
			""";

	private final Path directory;

	SchemaChangeLogs(Path directory) {
		this.directory = directory;
	}

	SchemaChangeLogs write(String changeSets) {
		try {
			Files.writeString(this.directory.resolve(CHANGELOG), ChangeLogs.xml(changeSets), StandardCharsets.UTF_8);
			return this;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	ResourceAccessor accessor() {
		try {
			return new DirectoryResourceAccessor(this.directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	MigrationSettings settings() {
		return MigrationSettings.forChangeLog(CHANGELOG).build();
	}

	MigrationEngine engine(TestDatabase database) {
		return new MigrationEngine(database.dataSource(), settings(), accessor(), List.of());
	}

	DriftCheck driftCheck(TestDatabase database, String... exclude) {
		return new DriftCheck(database.dataSource(), settings(), accessor(),
				new ScratchSpace(database.dataSource(), "migrations.scratch.url"), List.of(exclude));
	}

	RollbackVerification rollbackVerification(TestDatabase database) {
		return new RollbackVerification(settings(), accessor(),
				new ScratchSpace(database.dataSource(), "migrations.scratch.url"), "public");
	}

}
