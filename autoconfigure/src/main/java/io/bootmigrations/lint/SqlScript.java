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
import java.util.List;
import java.util.Locale;

/**
 * Splits SQL into statements of tokens, skipping comments ({@code --}, nested
 * {@code /* *\/}) and the contents of string literals ({@code '...'}, {@code E'...'},
 * {@code $tag$...$tag$}), so that a keyword in a comment or a string is never taken for a
 * statement. Not a parser: the rules match token patterns on what it returns.
 */
final class SqlScript {

	private SqlScript() {
	}

	/**
	 * The statements of a script, split at top-level semicolons.
	 * @param sql the script
	 * @return the statements, each a non-empty list of tokens
	 */
	static List<Statement> statements(String sql) {
		List<Statement> statements = new ArrayList<>();
		List<String> tokens = new ArrayList<>();
		int start = -1;
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && next(sql, i) == '-') {
				i = lineEnd(sql, i);
			}
			else if (c == '/' && next(sql, i) == '*') {
				i = commentEnd(sql, i);
			}
			else if (c == ';') {
				add(statements, tokens, sql, start, i);
				tokens = new ArrayList<>();
				start = -1;
				i++;
			}
			else {
				if (start < 0) {
					start = i;
				}
				int end = tokenEnd(sql, i);
				tokens.add(token(sql.substring(i, end)));
				i = end;
			}
		}
		add(statements, tokens, sql, Math.max(start, 0), length);
		return statements;
	}

	private static void add(List<Statement> statements, List<String> tokens, String sql, int start, int end) {
		if (!tokens.isEmpty()) {
			statements.add(new Statement(List.copyOf(tokens), sql.substring(start, end).strip()));
		}
	}

	private static String token(String text) {
		char first = text.charAt(0);
		if (first == '"') {
			// a quoted identifier keeps its case, without the quotes
			return text.substring(1, Math.max(1, text.length() - 1)).replace("\"\"", "\"");
		}
		if (first == '\'' || first == '$' && text.length() > 1 && !Character.isDigit(text.charAt(1))) {
			return "'";
		}
		if ((first == 'E' || first == 'e') && text.length() > 1 && text.charAt(1) == '\'') {
			return "'";
		}
		return text.toUpperCase(Locale.ROOT);
	}

	private static int tokenEnd(String sql, int i) {
		char c = sql.charAt(i);
		if ((c == 'E' || c == 'e') && next(sql, i) == '\'') {
			return quotedEnd(sql, i + 1, '\'');
		}
		if (c == '\'' || c == '"') {
			return quotedEnd(sql, i, c);
		}
		if (c == '$') {
			int tagEnd = sql.indexOf('$', i + 1);
			if (tagEnd > 0 && sql.substring(i + 1, tagEnd).chars().allMatch(SqlScript::isWordChar)
					&& (tagEnd == i + 1 || !Character.isDigit(sql.charAt(i + 1)))) {
				String tag = sql.substring(i, tagEnd + 1);
				int close = sql.indexOf(tag, tagEnd + 1);
				return (close < 0) ? sql.length() : close + tag.length();
			}
		}
		if (isWordChar(c)) {
			int end = i;
			while (end < sql.length() && (isWordChar(sql.charAt(end)) || sql.charAt(end) == '.')) {
				end++;
			}
			return end;
		}
		return i + 1;
	}

	private static int quotedEnd(String sql, int i, char quote) {
		int end = i + 1;
		while (end < sql.length()) {
			char c = sql.charAt(end);
			if (c == quote) {
				if (next(sql, end) == quote) {
					end += 2;
					continue;
				}
				return end + 1;
			}
			if (c == '\\' && quote == '\'' && i > 0 && (sql.charAt(i - 1) == 'E' || sql.charAt(i - 1) == 'e')) {
				end += 2;
				continue;
			}
			end++;
		}
		return end;
	}

	private static int lineEnd(String sql, int i) {
		int end = sql.indexOf('\n', i);
		return (end < 0) ? sql.length() : end + 1;
	}

	private static int commentEnd(String sql, int i) {
		int depth = 0;
		int end = i;
		while (end < sql.length()) {
			if (sql.startsWith("/*", end)) {
				depth++;
				end += 2;
			}
			else if (sql.startsWith("*/", end)) {
				depth--;
				end += 2;
				if (depth == 0) {
					return end;
				}
			}
			else {
				end++;
			}
		}
		return end;
	}

	private static char next(String sql, int i) {
		return (i + 1 < sql.length()) ? sql.charAt(i + 1) : 0;
	}

	private static boolean isWordChar(int c) {
		return Character.isLetterOrDigit(c) || c == '_';
	}

	/**
	 * One statement.
	 *
	 * @param tokens upper-case keywords and names, {@code '} for a string literal, quoted
	 * identifiers as written
	 * @param text the statement as written, for the report
	 */
	record Statement(List<String> tokens, String text) {

		boolean startsWith(String... words) {
			return matchesAt(0, words);
		}

		boolean matchesAt(int index, String... words) {
			if (index + words.length > this.tokens.size()) {
				return false;
			}
			for (int i = 0; i < words.length; i++) {
				if (!this.tokens.get(index + i).equals(words[i])) {
					return false;
				}
			}
			return true;
		}

		boolean contains(String... words) {
			return indexOf(0, words) >= 0;
		}

		int indexOf(int from, String... words) {
			for (int i = from; i <= this.tokens.size() - words.length; i++) {
				if (matchesAt(i, words)) {
					return i;
				}
			}
			return -1;
		}

		/** The text shortened for a report line. */
		String summary() {
			String flat = this.text.replaceAll("\\s+", " ");
			return (flat.length() > 120) ? flat.substring(0, 117) + "..." : flat;
		}

	}

}
