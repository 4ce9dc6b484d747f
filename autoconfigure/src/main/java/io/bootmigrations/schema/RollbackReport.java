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

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What the rollback verification found.
 *
 * @param verified how many changesets were applied, rolled back and applied again with
 * the schema restored
 * @param changeSet the first changeset whose rollback is missing, fails or leaves a
 * difference ({@code file::id::author}), {@code null} if every rollback restores the
 * schema
 * @param problem {@code missing-rollback}, {@code failed-rollback},
 * {@code leaky-rollback} or {@code failed-reapply}; {@code null} if none
 * @param details what is wrong: the differences
 * ({@code leaky-rollback: column t_0001.extra remains}) or the error
 * @param notes what limits the check (changesets that hard-code another schema)
 */
public record RollbackReport(int verified, @Nullable String changeSet, @Nullable String problem, List<String> details,
		List<String> notes) {

	/**
	 * Whether every rollback restores the schema.
	 * @return {@code true} if no changeset failed the check
	 */
	public boolean isClean() {
		return this.changeSet == null;
	}

}
