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

package io.bootmigrations.engine;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Masks the values of changelog parameters that look secret in generated SQL, so that a
 * read-only SQL preview never prints a password or an API key.
 */
final class SecretParameters {

	private static final List<String> SECRET_WORDS = List.of("password", "passwd", "pwd", "secret", "token", "key",
			"credential");

	private SecretParameters() {
	}

	/**
	 * Replace every value of a secret-looking parameter with {@code ******}.
	 * @param sql the generated SQL
	 * @param parameters the changelog parameters
	 * @param alsoMasked more parameter names to mask, in lower case
	 * @return the SQL safe to show
	 */
	static String mask(String sql, Map<String, String> parameters, Collection<String> alsoMasked) {
		String masked = sql;
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			String name = parameter.getKey().toLowerCase(Locale.ROOT);
			String value = parameter.getValue();
			boolean secret = SECRET_WORDS.stream().anyMatch(name::contains) || alsoMasked.contains(name);
			if (secret && value != null && !value.isEmpty()) {
				masked = masked.replace(value, "******");
			}
		}
		return masked;
	}

}
