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

import java.util.Set;

import liquibase.structure.core.Column;
import liquibase.structure.core.Index;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import org.junit.jupiter.api.Test;

import static io.bootmigrations.autogenerate.SchemaObjectsTests.column;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MappedTables}: what the entity comparison leaves out because no entity
 * maps it.
 */
class MappedTablesTests {

	@Test
	void unmappedTablesAndEverythingOnThemAreLeftOut() {
		MappedTables mapped = new MappedTables(Set.of(new Table(null, "public", "Orders")));
		assertThat(mapped.include(column("orders", "id", "int", false))).isTrue();
		assertThat(mapped.include(column("audit_log", "id", "int", false))).isFalse();
		assertThat(mapped.include(new Index("ix", null, "public", "audit_log", new Column("id")))).isFalse();
		assertThat(mapped.include(new Sequence(null, "public", "orders_seq"))).isTrue();
	}

	@Test
	void tablesAndSequencesOnlyTheMigrationsHaveAreNeverDropped() {
		MappedTables mapped = new MappedTables(Set.of(new Table(null, "public", "orders")));
		assertThat(mapped.includeUnexpected(new Table(null, "public", "orders"), null, null)).isFalse();
		assertThat(mapped.includeUnexpected(new Sequence(null, "public", "legacy_seq"), null, null)).isFalse();
		assertThat(mapped.includeUnexpected(column("orders", "legacy", "int", true), null, null)).isTrue();
	}

}
