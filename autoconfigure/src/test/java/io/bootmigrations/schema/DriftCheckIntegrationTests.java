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

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link DriftCheck} on real PostgreSQL: a change by hand to each
 * kind of object is drift; pending changesets and excluded objects are not.
 */
class DriftCheckIntegrationTests {

	@TempDir
	Path directory;

	private TestDatabase database;

	private SchemaChangeLogs changeLogs;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("drift");
		this.changeLogs = new SchemaChangeLogs(this.directory).write(SchemaChangeLogs.EVERY_KIND);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void schemaAsTheMigrationsMadeItHasNoDrift() {
		this.changeLogs.engine(this.database).migrate();
		DriftReport report = this.changeLogs.driftCheck(this.database).check();
		assertThat(report.describe()).isEmpty();
		assertThat(report.applied()).isEqualTo(1);
		assertThat(report.schema()).isEqualTo("public");
	}

	@Test
	void aChangeByHandToEachKindOfObjectIsDrift() {
		this.changeLogs.engine(this.database).migrate();
		this.database.execute("ALTER TABLE orders ADD COLUMN hotfix int", "ALTER TABLE customer DROP COLUMN nickname",
				"ALTER TABLE customer ALTER COLUMN score TYPE bigint",
				"ALTER TABLE customer ALTER COLUMN email DROP NOT NULL",
				"ALTER TABLE customer ALTER COLUMN status SET DEFAULT 'old'", "CREATE TABLE hotfix_log (id int)",
				"CREATE INDEX customer_status_idx ON customer (status)", "DROP INDEX orders_customer_idx",
				"ALTER TABLE customer DROP CONSTRAINT customer_age_check",
				"ALTER TABLE orders DROP CONSTRAINT orders_customer_fk",
				"ALTER TABLE customer DROP CONSTRAINT customer_email_uq",
				"ALTER TABLE orders RENAME CONSTRAINT orders_pkey TO orders_pk",
				"CREATE OR REPLACE VIEW adults AS SELECT id, email FROM customer WHERE age >= 21",
				"ALTER SEQUENCE invoice_seq INCREMENT BY 10");
		DriftReport report = this.changeLogs.driftCheck(this.database).check();
		assertThat(report.isClean()).isFalse();
		assertThat(report.describe()).containsExactlyInAnyOrder(
				"orders.hotfix: column in the database, not in the migrations",
				"customer.nickname: column in the migrations, not in the database",
				"customer.score: column differs: database 'bigint', migrations 'integer'",
				"customer.email: column differs: database 'character varying(200)', "
						+ "migrations 'character varying(200) not null'",
				"customer.status: column differs: database 'character varying(20) default 'old'::character varying', "
						+ "migrations 'character varying(20) default 'new'::character varying'",
				"hotfix_log: table in the database, not in the migrations",
				"hotfix_log.id: column in the database, not in the migrations",
				"customer.customer_status_idx: index in the database, not in the migrations",
				"orders.orders_customer_idx: index in the migrations, not in the database",
				"customer.customer_age_check: check constraint in the migrations, not in the database",
				"orders.orders_customer_fk: foreign key in the migrations, not in the database",
				"customer.customer_email_uq: unique constraint in the migrations, not in the database",
				"orders.orders_pk: primary key in the database, not in the migrations",
				"orders.orders_pkey: primary key in the migrations, not in the database",
				"adults: view differs: database 'SELECT customer.id, customer.email FROM customer WHERE "
						+ "(customer.age >= 21);', migrations 'SELECT customer.id, customer.email FROM customer "
						+ "WHERE (customer.age >= 18);'",
				"invoice_seq: sequence differs: database 'bigint start 100 increment 10 min 1 max "
						+ "9223372036854775807', migrations 'bigint start 100 increment 1 min 1 max "
						+ "9223372036854775807'");
	}

	@Test
	void pendingChangeSetsAreNotDrift() {
		this.changeLogs.write(SchemaChangeLogs.EVERY_KIND + """
				<changeSet id="2" author="t">
					<addColumn tableName="orders"><column name="total" type="numeric(10,2)"/></addColumn>
				</changeSet>
				""");
		MigrationEngine engine = this.changeLogs.engine(this.database);
		engine.upgrade(RevisionTarget.parse("+1", RevisionTarget.Direction.UPGRADE));
		assertThat(engine.status().pending()).hasSize(1);
		DriftReport report = this.changeLogs.driftCheck(this.database).check();
		assertThat(report.describe()).isEmpty();
		assertThat(report.applied()).isEqualTo(1);
	}

	@Test
	void changeSetsMarkedRanAreNotReplayed() {
		this.changeLogs.write(SchemaChangeLogs.EVERY_KIND + """
				<changeSet id="2" author="t">
					<createTable tableName="made_by_hand"><column name="id" type="int"/></createTable>
				</changeSet>
				""");
		this.changeLogs.engine(this.database).migrate();
		// as if the table had been there and changelog-sync had marked the changeset ran,
		// then someone dropped it: its changes never ran here, so nothing of it is
		// expected
		this.database.execute("UPDATE databasechangelog SET exectype = 'MARK_RAN' WHERE id = '2'",
				"DROP TABLE made_by_hand");
		DriftReport report = this.changeLogs.driftCheck(this.database).check();
		assertThat(report.describe()).isEmpty();
		assertThat(report.applied()).isEqualTo(1);
	}

	@Test
	void objectsTheChangelogNeverTouchedCanBeExcludedByPattern() {
		this.changeLogs.engine(this.database).migrate();
		this.database.execute("CREATE TABLE audit_2026 (id int)", "ALTER TABLE customer ADD COLUMN legacy_flag int");
		assertThat(this.changeLogs.driftCheck(this.database).check().describe()).containsExactly(
				"audit_2026: table in the database, not in the migrations",
				"audit_2026.id: column in the database, not in the migrations",
				"customer.legacy_flag: column in the database, not in the migrations");
		assertThat(this.changeLogs.driftCheck(this.database, "AUDIT_*", "customer.legacy_*").check().describe())
			.isEmpty();
	}

	@Test
	void changeSetThatHardCodesAnotherSchemaIsReported() {
		this.database.execute("CREATE SCHEMA reporting");
		this.changeLogs.write(SchemaChangeLogs.EVERY_KIND + """
				<changeSet id="2" author="t">
					<sql>CREATE SCHEMA IF NOT EXISTS reporting</sql>
					<createTable tableName="daily" schemaName="reporting"><column name="id" type="int"/></createTable>
				</changeSet>
				""");
		this.changeLogs.engine(this.database).migrate();
		DriftReport report = this.changeLogs.driftCheck(this.database).check();
		assertThat(report.isClean()).isTrue();
		assertThat(report.notes())
			.anyMatch((note) -> note.contains("changeset changelog.xml::2::t hard-codes schema " + "'reporting'")
					&& note.contains("not checked"));
	}

	@Test
	void applicationDatabaseIsNotWrittenAndNoScratchDatabaseRemains() {
		this.changeLogs.engine(this.database).migrate();
		this.database.execute("ALTER TABLE orders ADD COLUMN hotfix int");
		ScratchDatabases before = ScratchDatabases.on(this.database);
		this.changeLogs.driftCheck(this.database).check();
		assertThat(ScratchDatabases.on(this.database).names()).isSubsetOf(before.names());
		assertThat(this.database.jdbc().queryForObject("SELECT count(*) FROM databasechangelog", Integer.class))
			.isEqualTo(1);
		assertThat(this.database.tables()).containsExactlyInAnyOrder("customer", "orders", "databasechangelog");
	}

}
