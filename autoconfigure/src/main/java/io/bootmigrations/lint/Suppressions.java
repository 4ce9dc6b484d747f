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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What a changeset's comment suppresses: {@code lint:ignore <rule-id>[,<rule-id>...]
 * <reason>}, one per line. A comment works the same in XML ({@code <comment>}), YAML
 * ({@code comment:}) and formatted SQL ({@code --comment:}), and stays with the changeset
 * in the file a reviewer reads.
 */
final class Suppressions {

	private static final Pattern IGNORE = Pattern.compile("lint:ignore\\s+([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)"
			+ "[ \\t]*(?::[ \\t]*)?([^\\n]*?)(?=\\s*lint:ignore|\\s*$|\\n)", Pattern.MULTILINE);

	private final Map<String, String> reasons;

	private final List<String> withoutReason;

	private final List<String> unknown;

	private Suppressions(Map<String, String> reasons, List<String> withoutReason, List<String> unknown) {
		this.reasons = reasons;
		this.withoutReason = withoutReason;
		this.unknown = unknown;
	}

	static Suppressions of(@Nullable String comment) {
		Map<String, String> reasons = new LinkedHashMap<>();
		List<String> withoutReason = new ArrayList<>();
		List<String> unknown = new ArrayList<>();
		if (comment != null) {
			Matcher matcher = IGNORE.matcher(comment);
			while (matcher.find()) {
				String reason = matcher.group(2).strip();
				for (String id : matcher.group(1).split("\\s*,\\s*")) {
					if (LintRule.of(id) == null) {
						unknown.add(id);
					}
					else if (reason.isEmpty()) {
						withoutReason.add(id);
					}
					else {
						reasons.put(id, reason);
					}
				}
			}
		}
		return new Suppressions(reasons, withoutReason, unknown);
	}

	@Nullable String reason(LintRule rule) {
		return this.reasons.get(rule.id());
	}

	List<String> withoutReason() {
		return this.withoutReason;
	}

	List<String> unknown() {
		return this.unknown;
	}

}
