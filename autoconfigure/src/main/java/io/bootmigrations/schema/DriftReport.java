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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the drift check found: the differences between the live schema and the schema the
 * applied changesets produce.
 *
 * @param schema the schema compared
 * @param applied how many applied changesets were replayed
 * @param differences the differences, empty when the schema is as the migrations made it
 * @param notes what limits the check (changesets that hard-code another schema, applied
 * changesets missing from the changelog)
 * @param checkedAt when the check ran
 */
public record DriftReport(String schema, int applied, List<SchemaDifference> differences, List<String> notes,
		Instant checkedAt) {

	/**
	 * Whether the live schema is what the applied changesets produce.
	 * @return {@code true} if there is no difference
	 */
	public boolean isClean() {
		return this.differences.isEmpty();
	}

	/**
	 * Every difference as a line,
	 * {@code t_0005.hotfix: column in the database, not in the
	 * migrations}.
	 * @return the lines
	 */
	public List<String> describe() {
		return this.differences.stream().map(SchemaDifference::describeAsDrift).toList();
	}

	/**
	 * The report as the one document the command's JSON output and the endpoint share.
	 * @return maps, lists, strings, numbers and booleans
	 */
	public Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", isClean());
		document.put("schema", this.schema);
		document.put("applied", this.applied);
		List<Object> entries = new ArrayList<>();
		for (SchemaDifference difference : this.differences) {
			Map<String, @Nullable Object> entry = new LinkedHashMap<>();
			entry.put("kind", difference.object().kind());
			entry.put("name", difference.object().name());
			entry.put("database", difference.actual());
			entry.put("migrations", difference.reference());
			entry.put("message", difference.describeAsDrift());
			entries.add(entry);
		}
		document.put("differences", entries);
		document.put("notes", this.notes);
		document.put("checkedAt", this.checkedAt.toString());
		return document;
	}

}
