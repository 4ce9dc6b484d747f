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

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import liquibase.exception.ChangeLogParseException;
import liquibase.exception.ValidationFailedException;

import io.bootmigrations.engine.MigrationFailure.Kind;

/**
 * What went wrong with the changelog itself, found while parsing or validating it: a
 * missing file, a syntax error (naming the file and line), edited checksums, duplicate
 * identifiers. Part of {@link Failures}' classification.
 */
final class ChangeLogFailures {

	private static final Pattern MISSING_FILE = Pattern.compile("The file (\\S+) was not found");

	private static final Pattern PARSED_FILE = Pattern
		.compile("(?:Error parsing line \\d+ column \\d+ of (\\S+?):(?=\\s)|Syntax error in file (\\S+?):(?=\\s)|"
				+ "formatted changelog '([^']+)')");

	private static final Pattern DUPLICATES = Pattern.compile("duplicate identifiers\\s+((?:\\S+::\\S+::\\S+\\s*)+)");

	private ChangeLogFailures() {
	}

	static MigrationFailure parse(ChangeLogParseException parse, String changeLog) {
		String message = String.valueOf(parse.getMessage()).replaceAll("^(liquibase\\.exception\\.\\w+: )+", "");
		Matcher missing = MISSING_FILE.matcher(message);
		if (missing.find()) {
			String file = missing.group(1);
			boolean master = file.equals(changeLog) || changeLog.endsWith(file) || file.endsWith(changeLog);
			return new MigrationFailure(Kind.CHANGELOG_NOT_FOUND, null, changeLog,
					master ? "The changelog " + file + " does not exist."
							: "The file " + file + ", included by " + changeLog
									+ " or a file it includes, does not exist.",
					master ? "Check spring.liquibase.change-log: the file must be on the classpath (for "
							+ "example src/main/resources/" + file + ") or be a file: URL. Nothing was applied."
							: "Fix the include's file attribute (paths are relative to the classpath unless "
									+ "relativeToChangelogFile=\"true\") or add the missing file. Nothing was "
									+ "applied.");
		}
		Matcher located = PARSED_FILE.matcher(message);
		String file = located.find() ? firstNonNull(located) : changeLog;
		return new MigrationFailure(Kind.CHANGELOG_INVALID, null, file, JdbcUrls.scrub(readable(message)),
				"Fix " + file + " at the line named above: "
						+ "a misspelled change type or attribute, or broken XML/YAML/SQL syntax. Nothing was "
						+ "applied.");
	}

	static MigrationFailure validation(ValidationFailedException ex, String changeLog) {
		List<String> checksums = ex.getInvalidMD5Sums();
		if (!checksums.isEmpty()) {
			return Failures.failure(Kind.VALIDATION_FAILED, null, changeLog,
					"Applied changesets were edited after they ran (stored vs current checksum): "
							+ String.join("; ", checksums),
					"Either revert the edit, or add <validCheckSum> with the new checksum to the changeset if the "
							+ "edit is harmless, or clear the stored checksums deliberately "
							+ "(spring.liquibase.clear-checksums=true for one start). Nothing was applied.");
		}
		Matcher duplicate = DUPLICATES.matcher(ex.getMessage());
		if (duplicate.find()) {
			String identifiers = duplicate.group(1).strip().replaceAll("\\s+", ", ");
			String file = identifiers.contains("::") ? identifiers.substring(0, identifiers.indexOf("::")) : changeLog;
			return new MigrationFailure(Kind.VALIDATION_FAILED, null, file,
					"Two or more changesets have the same identifier (file::id::author): " + identifiers,
					"Give each changeset its own id (or author). If the duplicate was applied already, keep that one "
							+ "unchanged and rename the new one. Nothing was applied.");
		}
		return Failures.failure(Kind.VALIDATION_FAILED, null, changeLog, ex.getMessage().strip(),
				"Fix the changelog as described; nothing was applied.");
	}

	/**
	 * An XML schema error lists every element that would be allowed, with namespaces:
	 * keep what is wrong and where.
	 */
	private static String readable(String message) {
		String result = message.replace("\"http://www.liquibase.org/xml/ns/dbchangelog\":", "")
			.replaceAll("'\\{([^}']*)}'", "'$1'");
		int expected = result.indexOf(" One of '");
		if (expected >= 0 && result.endsWith("is expected.")) {
			result = result.substring(0, expected)
					+ " It is not a change type or element that Liquibase knows here; check its spelling.";
		}
		return result.strip();
	}

	private static String firstNonNull(Matcher matcher) {
		for (int group = 1; group <= matcher.groupCount(); group++) {
			if (matcher.group(group) != null) {
				return matcher.group(group);
			}
		}
		return matcher.group();
	}

}
