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

import io.bootmigrations.testsupport.TestDatabase;
import io.bootmigrations.testsupport.TestDatabaseServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integration tests for {@link RollbackVerification} on real PostgreSQL: each kind of
 * leaky rollback is named with the changeset and the difference; the application's
 * database is never touched and no scratch database remains.
 */
class RollbackVerificationIntegrationTests {

	private static final String TABLE = """
			<changeSet id="1" author="t">
				<createTable tableName="t_0001">
					<column name="id" type="int"><constraints primaryKey="true"/></column>
					<column name="amount" type="int"/>
				</createTable>
			</changeSet>
			""";

	@TempDir
	Path directory;

	private TestDatabase database;

	private SchemaChangeLogs changeLogs;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabaseServer.postgres().create("rollbacks");
		this.changeLogs = new SchemaChangeLogs(this.directory);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void rollbacksThatRestoreTheSchemaPass() {
		this.changeLogs.write(SchemaChangeLogs.EVERY_KIND + TABLE + """
				<changeSet id="2" author="t">
					<addColumn tableName="t_0001"><column name="extra" type="int"/></addColumn>
					<createIndex tableName="t_0001" indexName="t_0001_extra_idx"><column name="extra"/></createIndex>
				</changeSet>
				""");
		RollbackReport report = this.changeLogs.rollbackVerification(this.database).verify();
		assertThat(report.isClean()).isTrue();
		assertThat(report.verified()).isEqualTo(3);
	}

	@Test
	void leakyColumnRollbackIsNamed() {
		RollbackReport report = verify("""
				<addColumn tableName="t_0001"><column name="extra" type="int"/></addColumn>
				<rollback><sql>SELECT 1</sql></rollback>
				""");
		assertThat(report.changeSet()).isEqualTo("changelog.xml::2::t");
		assertThat(report.problem()).isEqualTo("leaky-rollback");
		assertThat(report.verified()).isEqualTo(1);
		assertThat(report.details()).containsExactly("leaky-rollback: column t_0001.extra remains");
	}

	@Test
	void leakyIndexRollbackIsNamed() {
		RollbackReport report = verify("""
				<createIndex tableName="t_0001" indexName="t_0001_amount_idx"><column name="amount"/></createIndex>
				<rollback><sql>SELECT 1</sql></rollback>
				""");
		assertThat(report.details()).containsExactly("leaky-rollback: index t_0001.t_0001_amount_idx remains");
	}

	@Test
	void leakyConstraintRollbackIsNamed() {
		RollbackReport report = verify("""
				<sql>ALTER TABLE t_0001 ADD CONSTRAINT t_0001_amount_check CHECK (amount &gt; 0)</sql>
				<addUniqueConstraint tableName="t_0001" columnNames="amount" constraintName="t_0001_amount_uq"/>
				<rollback>
					<dropUniqueConstraint tableName="t_0001" constraintName="t_0001_amount_uq"/>
				</rollback>
				""");
		assertThat(report.details())
			.containsExactly("leaky-rollback: check constraint t_0001.t_0001_amount_check remains");
	}

	@Test
	void leakyDataTypeRollbackIsNamed() {
		RollbackReport report = verify(
				"""
						<modifyDataType tableName="t_0001" columnName="amount" newDataType="bigint"/>
						<rollback><modifyDataType tableName="t_0001" columnName="amount" newDataType="numeric(12,0)"/></rollback>
						""");
		assertThat(report.details())
			.containsExactly("leaky-rollback: column t_0001.amount changed from 'integer' to 'numeric(12,0)'");
	}

	@Test
	void missingRollbackIsNamed() {
		RollbackReport report = verify("<sql>ALTER TABLE t_0001 ADD COLUMN extra int</sql>\n");
		assertThat(report.changeSet()).isEqualTo("changelog.xml::2::t");
		assertThat(report.problem()).isEqualTo("missing-rollback");
		assertThat(report.details()).singleElement().asString().startsWith("missing-rollback: ");
	}

	@Test
	void neverTouchesTheApplicationDatabaseAndLeavesNoScratchDatabase() {
		ScratchDatabases before = ScratchDatabases.on(this.database);
		verify("<addColumn tableName=\"t_0001\"><column name=\"extra\" type=\"int\"/></addColumn>\n");
		assertThat(this.database.tables()).isEmpty();
		assertThat(ScratchDatabases.on(this.database).names()).isSubsetOf(before.names());
	}

	private RollbackReport verify(String secondChangeSet) {
		this.changeLogs.write(TABLE + "<changeSet id=\"2\" author=\"t\">\n" + secondChangeSet + "</changeSet>\n");
		return this.changeLogs.rollbackVerification(this.database).verify();
	}

}
