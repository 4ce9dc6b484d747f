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

package io.bootmigrations.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bootmigrations.inspect.ChangeSetDetails;
import io.bootmigrations.inspect.HistoryEntry;
import io.bootmigrations.revision.RevisionWriter.Revision;

import static io.bootmigrations.command.MigrationCommandRunner.SUCCESS;

/**
 * Renders the developer's commands ({@code revision}, {@code show},
 * {@code history --verbose}) as text and JSON with the same facts.
 */
final class DeveloperResults {

	private DeveloperResults() {
	}

	static CommandResult revision(MigrationCommand command, Revision revision) {
		Map<String, Object> json = base(command);
		json.put("id", revision.id());
		json.put("author", revision.author());
		json.put("file", revision.file().toString());
		json.put("master", revision.master().toString());
		json.put("included", revision.included());
		String text = revision.file() + "\n" + "Wrote changeset " + revision.id() + " by " + revision.author() + "; "
				+ (revision.included() ? "included it in " + revision.master()
						: "the master's includeAll of the folder picks it up")
				+ ".\nFill in its changes and rollback, then: --migrations.command=upgrade-sql to review the SQL.\n";
		return new CommandResult(SUCCESS, text, json);
	}

	static CommandResult show(MigrationCommand command, ChangeSetDetails details) {
		Map<String, Object> json = base(command);
		json.put("file", details.file());
		json.put("id", details.id());
		json.put("author", details.author());
		json.put("comment", details.comment());
		json.put("labels", details.labels());
		json.put("contexts", details.contexts());
		json.put("applied", details.applied());
		json.put("executedAt", (details.executedAt() != null) ? details.executedAt().toString() : null);
		json.put("tag", details.tag());
		json.put("checksum", details.checksum());
		json.put("storedChecksum", details.storedChecksum());
		json.put("sql", details.sql());
		json.put("rollbackSql", details.rollbackSql());
		json.put("rollbackProblem", details.rollbackProblem());
		StringBuilder text = new StringBuilder();
		text.append(line("Changeset", details.file() + "::" + details.id() + "::" + details.author()));
		if (details.comment() != null && !details.comment().isBlank()) {
			text.append(line("Comment", details.comment()));
		}
		text.append(line("Labels", orNone(details.labels()))).append(line("Contexts", orNone(details.contexts())));
		text.append(line("Applied", details.applied() ? "yes, at " + details.executedAt() : "no (pending)"));
		text.append(line("Tag", (details.tag() != null) ? details.tag() : "none"));
		text.append(line("Checksum",
				details.checksum()
						+ ((details.storedChecksum() != null && !details.storedChecksum().equals(details.checksum()))
								? " (stored: " + details.storedChecksum() + ", edited since applied)" : "")));
		text.append("SQL:\n");
		appendSql(text, details.sql());
		text.append("Rollback SQL:\n");
		if (details.rollbackProblem() != null) {
			text.append("  (none: ").append(details.rollbackProblem()).append(")\n");
		}
		else {
			appendSql(text, details.rollbackSql());
		}
		return new CommandResult(SUCCESS, text.toString(), json);
	}

	static CommandResult verboseHistory(MigrationCommand command, List<HistoryEntry> history) {
		Map<String, Object> json = base(command);
		json.put("history", history.stream().map(DeveloperResults::entry).toList());
		StringBuilder text = new StringBuilder();
		if (history.isEmpty()) {
			text.append("No changeset is applied.\n");
		}
		for (HistoryEntry entry : history) {
			text.append(entry.executedAt())
				.append("  ")
				.append(entry.id())
				.append(" by ")
				.append(entry.author())
				.append(" (")
				.append(entry.file())
				.append(")\n");
			text.append("    exec type ")
				.append(entry.execType())
				.append(", deployment ")
				.append(entry.deploymentId())
				.append(", order ")
				.append(entry.orderExecuted())
				.append('\n');
			text.append("    contexts ")
				.append(orNone(entry.contexts()))
				.append(", labels ")
				.append(orNone(entry.labels()))
				.append(", checksum ")
				.append(entry.checksum());
			if (entry.tag() != null) {
				text.append(", tag ").append(entry.tag());
			}
			text.append('\n');
		}
		return new CommandResult(SUCCESS, text.toString(), json);
	}

	private static Map<String, Object> entry(HistoryEntry entry) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", entry.id());
		json.put("author", entry.author());
		json.put("file", entry.file());
		json.put("executedAt", (entry.executedAt() != null) ? entry.executedAt().toString() : null);
		json.put("orderExecuted", entry.orderExecuted());
		json.put("execType", entry.execType());
		json.put("deploymentId", entry.deploymentId());
		json.put("contexts", entry.contexts());
		json.put("labels", entry.labels());
		json.put("checksum", entry.checksum());
		json.put("tag", entry.tag());
		json.put("description", entry.description());
		return json;
	}

	private static void appendSql(StringBuilder text, List<String> statements) {
		if (statements.isEmpty()) {
			text.append("  (no statements)\n");
		}
		statements.forEach((sql) -> text.append("  ").append(sql.replace("\n", "\n  ")).append('\n'));
	}

	private static String orNone(@org.jspecify.annotations.Nullable String value) {
		return (value == null || value.isBlank()) ? "none" : value;
	}

	private static Map<String, Object> base(MigrationCommand command) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", command.commandName());
		json.put("exitCode", SUCCESS);
		return json;
	}

	private static String line(String label, String value) {
		return String.format("%-11s %s%n", label + ":", value.replace("\n", "\n            "));
	}

}
