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
