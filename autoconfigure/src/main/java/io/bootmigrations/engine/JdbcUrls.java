package io.bootmigrations.engine;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes credentials from JDBC URLs so that they can be shown and logged.
 */
public final class JdbcUrls {

	private static final Pattern USER_INFO = Pattern.compile("//[^/?#@]*@");

	private static final Set<String> SECRET_KEYS = Set.of("password", "pass", "pwd", "user", "username",
			"sslpassword", "sslkey", "sslcert", "token", "accesstoken", "secret", "apikey", "credentials");

	private static final Pattern PARAMETER = Pattern.compile("([?&;:])([^=&;?:/]+)=([^&;]*)");

	private static final Pattern SECRET_IN_TEXT = Pattern
		.compile("(?i)((?:password|passwd|pwd|secret|token)\\s*[=:]\\s*)[^\\s&;,'\")]+");

	private JdbcUrls() {
	}

	/**
	 * Return the URL with user information and secret parameters removed.
	 * @param url a JDBC URL
	 * @return the URL safe to show, or {@code null} for {@code null}
	 */
	public static @Nullable String sanitize(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String result = USER_INFO.matcher(url).replaceFirst("//");
		Matcher matcher = PARAMETER.matcher(result);
		StringBuilder sanitized = new StringBuilder();
		while (matcher.find()) {
			String key = matcher.group(2).trim().toLowerCase(Locale.ROOT);
			String replacement = SECRET_KEYS.contains(key) || key.contains("password") || key.contains("secret")
					? matcher.group(1) + matcher.group(2) + "=******" : matcher.group();
			matcher.appendReplacement(sanitized, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(sanitized);
		return sanitized.toString();
	}

	/**
	 * Remove credentials from free text, such as a driver's error message, that may quote
	 * a URL or a password parameter.
	 * @param text the text
	 * @return the text safe to show
	 */
	public static String scrub(String text) {
		String result = USER_INFO.matcher(text).replaceAll("//");
		return SECRET_IN_TEXT.matcher(result).replaceAll("$1******");
	}

}
