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
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Which objects a snapshot leaves out: Liquibase's and the starter's own tables always,
 * and whatever matches {@code migrations.drift.exclude}: a pattern with {@code *} and
 * {@code ?} matched, ignoring case, against the table, view or sequence name
 * ({@code audit_*}) or against the qualified name of an object of a table
 * ({@code orders.legacy_*}).
 */
public final class ObjectFilter {

	private final List<Pattern> excluded;

	private ObjectFilter(List<Pattern> excluded) {
		this.excluded = excluded;
	}

	/**
	 * A filter leaving out Liquibase's tables (by the given names, or Liquibase's default
	 * names) and the objects matching the patterns.
	 * @param changeLogTable the changelog table name, or {@code null} for
	 * {@code DATABASECHANGELOG}
	 * @param lockTable the lock table name, or {@code null} for
	 * {@code DATABASECHANGELOGLOCK}
	 * @param patterns the exclude patterns
	 * @return the filter
	 */
	public static ObjectFilter excluding(@Nullable String changeLogTable, @Nullable String lockTable,
			List<String> patterns) {
		List<Pattern> excluded = new ArrayList<>();
		excluded.add(glob((changeLogTable != null) ? changeLogTable : "DATABASECHANGELOG"));
		excluded.add(glob((lockTable != null) ? lockTable : "DATABASECHANGELOGLOCK"));
		excluded.add(glob("BOOTMIGRATIONS_FINGERPRINT"));
		patterns.stream().filter((pattern) -> !pattern.isBlank()).map(ObjectFilter::glob).forEach(excluded::add);
		return new ObjectFilter(List.copyOf(excluded));
	}

	/**
	 * Whether an object is compared.
	 * @param relation the table, view or sequence the object is or belongs to
	 * @param name the object's name, qualified by its table for columns, indexes and
	 * constraints
	 * @return {@code true} unless a pattern excludes the relation or the object
	 */
	public boolean includes(String relation, String name) {
		return this.excluded.stream()
			.noneMatch((pattern) -> pattern.matcher(relation).matches() || pattern.matcher(name).matches());
	}

	private static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.strip().toCharArray()) {
			switch (c) {
				case '*' -> regex.append(".*");
				case '?' -> regex.append('.');
				default -> regex.append(Pattern.quote(String.valueOf(c)));
			}
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

}
