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

package io.bootmigrations.lint;

import org.jspecify.annotations.Nullable;

/**
 * One thing the lint found.
 *
 * @param rule the rule
 * @param changeSet the changeset, or {@code null} for a finding about the database itself
 * @param problem what locks or breaks
 * @param alternative the safe alternative
 * @param statement the SQL statement concerned, shortened, if any
 * @param suppressedBecause the reason given for suppressing it, or {@code null} if it
 * counts
 */
public record Finding(LintRule rule, @Nullable Location changeSet, String problem, String alternative,
		@Nullable String statement, @Nullable String suppressedBecause) {

	/**
	 * Whether this finding is an error that was not suppressed.
	 * @return whether it fails the lint
	 */
	public boolean isError() {
		return this.suppressedBecause == null && this.rule.severity() == LintRule.Severity.ERROR;
	}

	Finding suppressed(String reason) {
		return new Finding(this.rule, this.changeSet, this.problem, this.alternative, this.statement, reason);
	}

	/**
	 * Where a changeset is.
	 *
	 * @param id the changeset id
	 * @param author the author
	 * @param file the changelog file
	 * @param line the line where the changeset starts in its file, when found
	 */
	public record Location(String id, String author, String file, @Nullable Integer line) {

		@Override
		public String toString() {
			return this.file + "::" + this.id + "::" + this.author
					+ ((this.line != null) ? " (line " + this.line + ")" : "");
		}

	}

}
