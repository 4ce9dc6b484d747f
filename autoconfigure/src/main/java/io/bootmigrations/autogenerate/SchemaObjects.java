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

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import liquibase.diff.Difference;
import liquibase.diff.ObjectDifferences;
import liquibase.structure.DatabaseObject;
import liquibase.structure.core.Column;
import liquibase.structure.core.ForeignKey;
import liquibase.structure.core.Index;
import liquibase.structure.core.PrimaryKey;
import liquibase.structure.core.Sequence;
import liquibase.structure.core.Table;
import liquibase.structure.core.UniqueConstraint;
import org.jspecify.annotations.Nullable;

/**
 * How the entity comparison names schema objects and their differences, and which dropped
 * and added columns look like a rename: pure functions of Liquibase's structure objects,
 * tested without a database.
 */
final class SchemaObjects {

	private SchemaObjects() {
	}

	static String describe(DatabaseObject object) {
		if (object instanceof Column column) {
			return "column " + column.getRelation().getName() + "." + column.getName() + " (" + type(column)
					+ (Boolean.FALSE.equals(column.isNullable()) ? " not null" : "") + ")";
		}
		if (object instanceof PrimaryKey key) {
			return "primary key " + key.getTable().getName() + "(" + key.getColumnNames() + ")";
		}
		if (object instanceof UniqueConstraint constraint) {
			return "unique constraint " + constraint.getRelation().getName() + "(" + constraint.getColumnNames() + ")";
		}
		if (object instanceof Index index) {
			return (Boolean.TRUE.equals(index.isUnique()) ? "unique index " : "index ") + index.getRelation().getName()
					+ "(" + names(index.getColumns()) + ")";
		}
		if (object instanceof ForeignKey key) {
			return "foreign key " + key.getForeignKeyTable().getName() + "(" + names(key.getForeignKeyColumns())
					+ ") -> " + key.getPrimaryKeyTable().getName() + "(" + names(key.getPrimaryKeyColumns()) + ")";
		}
		if (object instanceof Sequence) {
			return "sequence " + object.getName();
		}
		return (object instanceof Table) ? "table " + object.getName()
				: object.getObjectTypeName() + " " + object.getName();
	}

	static String describe(@Nullable ObjectDifferences differences) {
		if (differences == null) {
			return "";
		}
		List<String> fields = new ArrayList<>();
		for (Difference difference : differences.getDifferences()) {
			fields.add(difference.getField() + " entities '" + value(difference.getReferenceValue()) + "', migrations '"
					+ value(difference.getComparedValue()) + "'");
		}
		Collections.sort(fields);
		return String.join("; ", fields);
	}

	static String key(DatabaseObject object) {
		return (object instanceof Index index) ? "index " + index.getRelation().getName() + "." + index.getName() + "("
				+ names(index.getColumns()) + ")" : describe(object);
	}

	static String type(Column column) {
		return String.valueOf(column.getType()).replace(" BYTE", "");
	}

	static String names(List<Column> columns) {
		return String.join(", ", columns.stream().map(Column::getName).toList());
	}

	static String value(@Nullable Object value) {
		return String.valueOf(value).replace(" BYTE", "");
	}

	static List<DatabaseObject> sorted(Set<? extends DatabaseObject> objects) {
		List<DatabaseObject> list = new ArrayList<>(objects);
		list.sort((a, b) -> describe(a).compareTo(describe(b)));
		return list;
	}

	/**
	 * A dropped and an added column of the same type in one table: likely a renamed
	 * field, which drop + add would lose the data of.
	 */
	static List<String> renames(List<Column> added, List<Column> dropped) {
		List<String> renames = new ArrayList<>();
		List<Column> unmatched = new ArrayList<>(dropped);
		for (Column column : added) {
			for (Column old : unmatched) {
				if (old.getRelation().getName().equalsIgnoreCase(column.getRelation().getName())
						&& type(old).equalsIgnoreCase(type(column))) {
					renames.add(new Rename(old.getRelation().getName(), old.getName(), column.getName(), type(column))
						.toString());
					unmatched.remove(old);
					break;
				}
			}
		}
		return renames;
	}

	/**
	 * A column that may have been renamed.
	 *
	 * @param table the table
	 * @param from the column the entities no longer have
	 * @param to the column the entities have instead
	 * @param type their type
	 */
	record Rename(String table, String from, String to, String type) {

		@Override
		public String toString() {
			return "column " + this.table + "." + this.from + " is dropped and " + this.table + "." + this.to
					+ " added, both " + this.type + ": if the field was renamed, replace the two changes with a "
					+ "renameColumn (tableName: " + this.table + ", oldColumnName: " + this.from + ", newColumnName: "
					+ this.to + ") to keep the data";
		}

	}

}
