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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * One difference between two snapshots of a schema: an object only in the reference (what
 * the migrations produce, or the schema before a changeset), only in the actual schema,
 * or in both with different definitions.
 *
 * @param object the object
 * @param reference its definition in the reference snapshot, {@code null} if it is not
 * there
 * @param actual its definition in the actual snapshot, {@code null} if it is not there
 */
public record SchemaDifference(SchemaObject object, @Nullable String reference, @Nullable String actual) {

	/**
	 * Every difference between two snapshots, sorted by object name.
	 * @param reference the snapshot things should look like
	 * @param actual the snapshot things look like
	 * @return the differences, empty if the snapshots are equal
	 */
	public static List<SchemaDifference> between(SchemaSnapshot reference, SchemaSnapshot actual) {
		Map<SchemaObject, String> expected = reference.objects();
		Map<SchemaObject, String> found = actual.objects();
		TreeSet<SchemaObject> objects = new TreeSet<>(expected.keySet());
		objects.addAll(found.keySet());
		List<SchemaDifference> differences = new ArrayList<>();
		for (SchemaObject object : objects) {
			String before = expected.get(object);
			String after = found.get(object);
			if (!Objects.equals(before, after)) {
				differences.add(new SchemaDifference(object, before, after));
			}
		}
		return differences;
	}

	/**
	 * The difference as drift: the actual snapshot is the live database, the reference
	 * what the applied migrations produce.
	 * @return for example
	 * {@code t_0005.hotfix: column in the database, not in the migrations}
	 */
	public String describeAsDrift() {
		String prefix = this.object.name() + ": " + this.object.kind();
		if (this.reference == null) {
			return prefix + " in the database, not in the migrations";
		}
		if (this.actual == null) {
			return prefix + " in the migrations, not in the database";
		}
		return prefix + " differs: database '" + this.actual + "', migrations '" + this.reference + "'";
	}

	/**
	 * The difference as a leaky rollback: the reference is the schema before a changeset,
	 * the actual one the schema after it was applied and rolled back.
	 * @return for example {@code leaky-rollback: column t_0001.extra remains}
	 */
	public String describeAsLeakyRollback() {
		String prefix = "leaky-rollback: " + this.object;
		if (this.reference == null) {
			return prefix + " remains";
		}
		if (this.actual == null) {
			return prefix + " is gone";
		}
		return prefix + " changed from '" + this.reference + "' to '" + this.actual + "'";
	}

}
