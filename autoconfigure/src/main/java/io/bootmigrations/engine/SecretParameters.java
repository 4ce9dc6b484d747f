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
