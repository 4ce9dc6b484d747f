package io.bootmigrations.schema;

import java.util.Comparator;

/**
 * One object of a schema.
 *
 * @param kind what it is: {@code table}, {@code column}, {@code index},
 * {@code primary key}, {@code unique constraint}, {@code foreign key},
 * {@code check constraint}, {@code view}, {@code sequence}, ...
 * @param name its name, qualified by its table for columns, indexes and constraints
 * ({@code t_0005.hotfix})
 */
public record SchemaObject(String kind, String name) implements Comparable<SchemaObject> {

	private static final Comparator<SchemaObject> ORDER = Comparator.comparing(SchemaObject::name)
		.thenComparing(SchemaObject::kind);

	@Override
	public int compareTo(SchemaObject other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		return this.kind + " " + this.name;
	}

}
