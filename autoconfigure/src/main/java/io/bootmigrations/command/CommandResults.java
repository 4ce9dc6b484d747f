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

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.ValidationResult;
import io.bootmigrations.lint.LintReport;
import io.bootmigrations.status.StatusDocument;
import io.bootmigrations.status.StatusDocument.ChangeSet;

import static io.bootmigrations.command.MigrationCommandRunner.CHECK_FAILED;
import static io.bootmigrations.command.MigrationCommandRunner.ERROR;
import static io.bootmigrations.command.MigrationCommandRunner.SUCCESS;

/**
 * Turns what the engine returned into a {@link CommandResult}: the text an operator reads
 * and the JSON a pipeline parses, with the same facts.
 */
final class CommandResults {

	private static final String REPAIR_WARNING = "WARNING: this is a repair tool. ";

	private CommandResults() {
	}

	static CommandResult status(MigrationCommand command, MigrationStatus status) {
		Map<String, Object> json = base(command, SUCCESS);
		json.putAll(document(status));
		StringBuilder text = new StringBuilder();
		MigrationStatus.DatabaseInfo database = status.database();
		if (database != null) {
			text.append(line("Database", database.product() + " " + database.version() + " at " + database.url()
					+ ((database.user() != null) ? " (user " + database.user() + ")" : "")));
		}
		text.append(line("Changelog", status.changelog()));
		ChangeSetInfo last = status.lastApplied();
		text.append(line("Current", (last != null) ? describe(last) : "nothing applied (base)"));
		String tag = StatusDocument.currentTag(status);
		text.append(line("Tag", (tag != null) ? tag : "none"));
		text.append(line("Applied", String.valueOf(status.applied().size())));
		text.append(line("Pending", String.valueOf(status.pending().size())));
		status.pending()
			.forEach((changeSet) -> text.append("  - ")
				.append(describe(changeSet))
				.append(status.outOfOrder().contains(changeSet) ? "  [out of order]" : "")
				.append('\n'));
		appendOutOfOrder(text, status.outOfOrder());
		if (!status.unexpected().isEmpty()) {
			text.append(line("Unexpected", status.unexpected().size() + " (applied, not in this changelog)"));
			status.unexpected().forEach((changeSet) -> text.append("  - ").append(describe(changeSet)).append('\n'));
		}
		status.warnings().forEach((warning) -> text.append("WARNING: ").append(warning).append('\n'));
		return new CommandResult(SUCCESS, text.toString(), json);
	}

	private static void appendOutOfOrder(StringBuilder text, List<ChangeSetInfo> outOfOrder) {
		if (!outOfOrder.isEmpty()) {
			text.append(line("Out of order", outOfOrder.size() + " pending before applied ones (branches merged? "
					+ "they would run after the changesets that follow them)"));
		}
	}

	static CommandResult check(MigrationCommand command, ValidationResult result, boolean strict) {
		boolean failed = strict ? !result.isClean() : !result.checksumMismatches().isEmpty();
		int exitCode = failed ? CHECK_FAILED : SUCCESS;
		Map<String, Object> json = base(command, exitCode);
		json.put("ok", !failed);
		json.put("checksumMismatches", result.checksumMismatches());
		json.putAll(document(result.status()));
		StringBuilder text = new StringBuilder();
		if (!failed) {
			text.append(strict ? "OK: the database matches the changelog ("
					: "OK: the changelog is valid and the " + "stored checksums match (")
				.append(result.status().applied().size())
				.append(" applied");
			if (!strict && !result.pending().isEmpty()) {
				text.append(", ").append(result.pending().size()).append(" pending");
			}
			text.append(").\n");
		}
		else {
			text.append("FAILED: the database does not match the changelog.\n");
		}
		if (strict || failed) {
			appendList(text, strict ? "Pending" : null, result.pending());
			appendList(text, "Applied but not in this changelog", result.unexpected());
			appendList(text, "Out of order (pending, but before applied changesets in the changelog)",
					result.status().outOfOrder());
		}
		if (!result.checksumMismatches().isEmpty()) {
			text.append("Edited after they were applied (stored vs current checksum):\n");
			result.checksumMismatches().forEach((mismatch) -> text.append("  - ").append(mismatch).append('\n'));
		}
		return new CommandResult(exitCode, text.toString(), json);
	}

	private static void appendList(StringBuilder text, @Nullable String title, List<ChangeSetInfo> changeSets) {
		if (title != null && !changeSets.isEmpty()) {
			text.append(title).append(":\n");
			changeSets.forEach((changeSet) -> text.append("  - ").append(describe(changeSet)).append('\n'));
		}
	}

	static CommandResult history(MigrationCommand command, List<ChangeSetInfo> history) {
		Map<String, Object> json = base(command, SUCCESS);
		json.put("history", ChangeSet.list(history));
		StringBuilder text = new StringBuilder();
		if (history.isEmpty()) {
			text.append("No changeset is applied.\n");
		}
		for (ChangeSetInfo changeSet : history) {
			text.append(changeSet.executedAt()).append("  ").append(describe(changeSet));
			if (changeSet.tag() != null) {
				text.append("  [tag ").append(changeSet.tag()).append(']');
			}
			text.append('\n');
		}
		return new CommandResult(SUCCESS, text.toString(), json);
	}

	static CommandResult ran(MigrationCommand command, RunReport report, MigrationStatus status, String summary) {
		Map<String, Object> json = base(command, SUCCESS);
		json.put("changeSets", report.applied());
		if (report.markedRan() > 0) {
			json.put("markedRan", report.markedRan());
		}
		json.put("durationMs", report.duration().toMillis());
		json.putAll(document(status));
		String headline = summary.contains("%d")
				? String.format(summary, report.applied(), (report.applied() == 1) ? "" : "s") : summary;
		if (report.markedRan() > 0) {
			headline += ", marked ran " + report.markedRan();
		}
		String text = headline + " in " + report.duration().toMillis() + " ms.\n" + now(status);
		return new CommandResult(SUCCESS, text, json);
	}

	static CommandResult repair(MigrationCommand command, RunReport report, MigrationStatus status, String done,
			String warning) {
		CommandResult ran = ran(command, report, status, done.substring(0, done.length() - 1));
		ran.json.put("warning", REPAIR_WARNING + warning);
		return new CommandResult(ran.exitCode, REPAIR_WARNING + warning + "\n" + ran.text, ran.json);
	}

	static CommandResult sql(MigrationCommand command, String sql) {
		Map<String, Object> json = base(command, SUCCESS);
		json.put("sql", sql);
		return new CommandResult(SUCCESS, sql.endsWith("\n") ? sql : sql + "\n", json);
	}

	private static String now(MigrationStatus status) {
		ChangeSetInfo last = status.lastApplied();
		String tag = StatusDocument.currentTag(status);
		return "Now at " + ((last != null) ? last.id() + " (" + last.file() + ")" : "base") + "; "
				+ ((tag != null) ? "tag " + tag + "; " : "") + status.pending().size() + " pending.\n";
	}

	static CommandResult lint(MigrationCommand command, LintReport report) {
		int exitCode = report.errors().isEmpty() ? SUCCESS : CHECK_FAILED;
		Map<String, Object> json = base(command, exitCode);
		json.put("ok", exitCode == SUCCESS);
		json.putAll(report.json());
		return new CommandResult(exitCode, report.text(), json);
	}

	static CommandResult usage(String commandName, @Nullable String problem) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", commandName);
		json.put("exitCode", ERROR);
		json.put("error", Map.of("kind", "USAGE", "message", String.valueOf(problem)));
		return new CommandResult(ERROR, problem + "\n\n" + MigrationCommand.usage() + "\n", json);
	}

	static CommandResult error(MigrationCommand command, @Nullable String message, @Nullable MigrationFailure failure) {
		Map<String, Object> json = base(command, ERROR);
		Map<String, Object> error = new LinkedHashMap<>();
		StringBuilder text = new StringBuilder("ERROR: ").append(command.commandName()).append(" failed");
		if (failure != null) {
			error.putAll(CommandJson.fields(StatusDocument.Error.of(failure)));
			text.append(" (").append(Failures.kind(failure)).append(").\n");
			Failures.details(failure).forEach((detail) -> text.append(line(detail.getKey(), detail.getValue())));
		}
		else {
			error.put("kind", "OTHER");
			error.put("message", message);
			text.append(".\n").append(line("Error", String.valueOf(message)));
		}
		json.put("error", error);
		return new CommandResult(ERROR, text.toString(), json);
	}

	private static Map<String, Object> base(MigrationCommand command, int exitCode) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", command.commandName());
		json.put("exitCode", exitCode);
		return json;
	}

	/**
	 * The {@link StatusDocument} of {@code /actuator/migrations}, field for field, plus
	 * the lists the endpoint serves on their own paths ({@code pendingChangeSets},
	 * {@code unexpectedChangeSets}, {@code outOfOrderChangeSets}).
	 */
	private static Map<String, Object> document(MigrationStatus status) {
		Map<String, Object> json = new LinkedHashMap<>(
				CommandJson.fields(StatusDocument.of(StatusDocument.DEFAULT_TARGET, status, false)));
		json.put("pendingChangeSets", ChangeSet.list(status.pending()));
		json.put("unexpectedChangeSets", ChangeSet.list(status.unexpected()));
		json.put("outOfOrderChangeSets", ChangeSet.list(status.outOfOrder()));
		return json;
	}

	private static String describe(ChangeSetInfo changeSet) {
		return changeSet.id() + " by " + changeSet.author() + " (" + changeSet.file() + ")";
	}

	private static String line(String label, String value) {
		return String.format("%-11s %s%n", label + ":", value.replace("\n", "\n            "));
	}

}
