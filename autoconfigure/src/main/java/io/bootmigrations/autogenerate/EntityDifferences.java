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

/**
 * How the JPA entities differ from the schema the changelog produces.
 *
 * @param differences each difference, for example
 * {@code column customer.email (varchar(255)): in the entities, not in the migrations}
 * @param changes the changes that remove them, in the order to apply them
 * @param renames dropped and added columns of the same type in one table, to review as
 * possible renames
 * @param notes what the comparison could not see (objects the changelog creates in other
 * schemas)
 */
public record EntityDifferences(List<String> differences, List<GeneratedChange> changes, List<String> renames,
		List<String> notes) {

	/**
	 * Whether the entities match the changelog.
	 * @return {@code true} if there is nothing to do
	 */
	public boolean isEmpty() {
		return this.differences.isEmpty() && this.changes.isEmpty();
	}

}
