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
import java.util.TreeSet;

import liquibase.database.Database;
import liquibase.diff.ObjectDifferences;
import liquibase.diff.output.ObjectChangeFilter;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Relation;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;

/**
 * Leaves out what no entity maps: unmapped tables and everything on them, and sequences
 * the entities do not use.
 */
final class MappedTables implements ObjectChangeFilter {

	private final Set<String> tables = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

	MappedTables(Set<Table> mapped) {
		mapped.forEach((table) -> this.tables.add(table.getName()));
	}

	@Override
	public boolean includeMissing(DatabaseObject object, Database reference, Database comparison) {
		return include(object);
	}

	@Override
	public boolean includeUnexpected(DatabaseObject object, Database reference, Database comparison) {
		if (object instanceof Table || object instanceof Sequence) {
			return false;
		}
		return include(object);
	}

	@Override
	public boolean includeChanged(DatabaseObject object, ObjectDifferences differences, Database reference,
			Database comparison) {
		return include(object);
	}

	@Override
	public boolean include(DatabaseObject object) {
		Relation relation = null;
		if (object instanceof Table table) {
			relation = table;
		}
		else if (object instanceof Column column) {
			relation = column.getRelation();
		}
		else if (object instanceof PrimaryKey key) {
			relation = key.getTable();
		}
		else if (object instanceof UniqueConstraint constraint) {
			relation = constraint.getRelation();
		}
		else if (object instanceof Index index) {
			relation = index.getRelation();
		}
		else if (object instanceof ForeignKey key) {
			relation = key.getForeignKeyTable();
		}
		return relation == null || this.tables.contains(relation.getName());
	}

}
