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

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Removes credentials from JDBC URLs so that they can be shown and logged.
 */
public final class JdbcUrls {

	private static final Pattern USER_INFO = Pattern.compile("//[^/?#\\s]*@");

	private static final Set<String> SECRET_KEYS = Set.of("password", "pass", "pwd", "user", "username", "sslpassword",
			"sslkey", "sslcert", "token", "accesstoken", "secret", "apikey", "credentials");

	/**
	 * A parameter's key, in any style the drivers accept: ?k=, &k=, ;k=, :k=, (k=, ,k=.
	 */
	private static final Pattern KEY = Pattern.compile("([?&;:(,])\\s*([A-Za-z][\\w.-]*)\\s*=");

	/** Where a value ends: before the next parameter, however it is separated. */
	private static final Pattern NEXT_KEY = Pattern.compile("[&;,](?=\\s*[A-Za-z][\\w.-]*\\s*=)|\\)");

	private static final Pattern SECRET_IN_TEXT = Pattern.compile(
			"(?i)((?:password|passwd|pwd|secret|token)\\s*[=:]\\s*)[^\\s'\")]+?(?=$|[\\s'\")]|[&;,][A-Za-z][\\w.-]*=)");

	private JdbcUrls() {
	}

	/**
	 * Return the URL with user information and secret parameters removed. A secret value
	 * is masked up to the next parameter, so a password containing {@code ;} or {@code &}
	 * is masked whole; a SQL Server value in braces ({@code {a;b}}) likewise.
	 * @param url a JDBC URL
	 * @return the URL safe to show, or {@code null} for {@code null}
	 */
	public static @Nullable String sanitize(@Nullable String url) {
		if (url == null) {
			return null;
		}
		String result = USER_INFO.matcher(url).replaceFirst("//");
		StringBuilder sanitized = new StringBuilder();
		Matcher key = KEY.matcher(result);
		int position = 0;
		while (position < result.length() && key.find(position)) {
			String name = key.group(2).toLowerCase(Locale.ROOT);
			int valueStart = key.end();
			int valueEnd = valueEnd(result, valueStart);
			sanitized.append(result, position, valueStart);
			if (SECRET_KEYS.contains(name) || name.contains("password") || name.contains("secret")) {
				sanitized.append("******");
			}
			else {
				sanitized.append(result, valueStart, valueEnd);
			}
			position = valueEnd;
		}
		sanitized.append(result.substring(Math.min(position, result.length())));
		return sanitized.toString();
	}

	private static int valueEnd(String url, int start) {
		if (start < url.length() && url.charAt(start) == '{') {
			int close = url.indexOf('}', start);
			return (close >= 0) ? close + 1 : url.length();
		}
		Matcher next = NEXT_KEY.matcher(url);
		return next.find(start) ? next.start() : url.length();
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
