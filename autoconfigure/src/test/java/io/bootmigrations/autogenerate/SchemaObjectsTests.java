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

import java.util.List;
import java.util.Set;

import liquibase.structure.core.Column;
import liquibase.structure.core.DataType;
import liquibase.structure.core.Index;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SchemaObjects}: how the entity comparison names schema objects and
 * spots likely renames, on Liquibase structure objects built by hand.
 */
class SchemaObjectsTests {

	@Test
	void columnsNameTheirTableTypeAndNotNullWithoutOraclesByteSuffix() {
		assertThat(SchemaObjects.describe(column("orders", "total", "numeric(10, 2)", false)))
			.isEqualTo("column orders.total (numeric(10, 2) not null)");
		assertThat(SchemaObjects.describe(column("orders", "note", "VARCHAR2(20 BYTE)", true)))
			.isEqualTo("column orders.note (VARCHAR2(20))");
	}

	@Test
	void indexesAreNamedByTheirColumnsButKeyedByTheirNameToo() {
		Index index = new Index("ix_orders_total", null, "public", "orders", new Column("total"), new Column("id"));
		assertThat(SchemaObjects.describe(index)).isEqualTo("index orders(total, id)");
		assertThat(SchemaObjects.key(index)).isEqualTo("index orders.ix_orders_total(total, id)");
		index.setUnique(true);
		assertThat(SchemaObjects.describe(index)).isEqualTo("unique index orders(total, id)");
	}

	@Test
	void tablesAndSequencesByName() {
		assertThat(SchemaObjects.describe(new Table(null, "public", "orders"))).isEqualTo("table orders");
		assertThat(SchemaObjects.describe(new Sequence(null, "public", "orders_seq"))).isEqualTo("sequence orders_seq");
	}

	@Test
	void sortedByDescriptionSoThatReportsAreStable() {
		assertThat(SchemaObjects.sorted(Set.of(new Table(null, "public", "b"), new Table(null, "public", "a"),
				column("a", "id", "int", false))))
			.extracting(SchemaObjects::describe)
			.containsExactly("column a.id (int not null)", "table a", "table b");
	}

	@Test
	void aDroppedAndAnAddedColumnOfOneTypeInOneTableLookLikeARename() {
		List<String> renames = SchemaObjects.renames(
				List.of(column("orders", "amount", "numeric", true), column("orders", "placed", "date", true)),
				List.of(column("orders", "total", "NUMERIC", true), column("lines", "placed", "date", true)));
		assertThat(renames).singleElement()
			.asString()
			.startsWith("column orders.total is dropped and orders.amount added, both numeric")
			.contains("renameColumn (tableName: orders, oldColumnName: total, newColumnName: amount)");
	}

	@Test
	void eachDroppedColumnIsPairedOnceAtMost() {
		assertThat(
				SchemaObjects.renames(List.of(column("orders", "a", "int", true), column("orders", "b", "int", true)),
						List.of(column("orders", "old", "int", true))))
			.hasSize(1);
	}

	static Column column(String table, String name, String type, boolean nullable) {
		Column column = new Column(Table.class, null, "public", table, name);
		column.setType(new DataType(type));
		column.setNullable(nullable);
		return column;
	}

}
