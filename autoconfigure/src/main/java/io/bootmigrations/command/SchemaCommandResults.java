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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.bootmigrations.engine.JdbcUrls;
import io.bootmigrations.schema.DriftReport;
import io.bootmigrations.schema.RollbackReport;

import static io.bootmigrations.command.MigrationCommandRunner.CHECK_FAILED;
import static io.bootmigrations.command.MigrationCommandRunner.SUCCESS;

/**
 * The results of the schema commands, {@code drift} and {@code verify-rollbacks}, as text
 * and JSON.
 */
final class SchemaCommandResults {

	private SchemaCommandResults() {
	}

	static CommandResult drift(MigrationCommand command, Supplier<DriftReport> check) {
		DriftReport report;
		try {
			report = check.get();
		}
		catch (IllegalStateException | UnsupportedOperationException ex) {
			return CommandResults.error(command, JdbcUrls.scrub(String.valueOf(ex.getMessage())), null);
		}
		int exitCode = report.isClean() ? SUCCESS : CHECK_FAILED;
		Map<String, Object> json = base(command, exitCode);
		json.putAll(report.document());
		StringBuilder text = new StringBuilder();
		if (report.isClean()) {
			text.append("OK: schema '")
				.append(report.schema())
				.append("' is what the ")
				.append(report.applied())
				.append(" applied changesets produce.\n");
		}
		else {
			text.append("DRIFT: schema '")
				.append(report.schema())
				.append("' differs from what the ")
				.append(report.applied())
				.append(" applied changesets produce (")
				.append(report.differences().size())
				.append(" difference")
				.append((report.differences().size() == 1) ? "" : "s")
				.append("):\n");
			report.describe().forEach((line) -> text.append("  ").append(line).append('\n'));
		}
		notes(text, report.notes());
		return new CommandResult(exitCode, text.toString(), json);
	}

	static CommandResult rollbacks(MigrationCommand command, Supplier<RollbackReport> verification) {
		RollbackReport report;
		try {
			report = verification.get();
		}
		catch (IllegalStateException | UnsupportedOperationException ex) {
			return CommandResults.error(command, JdbcUrls.scrub(String.valueOf(ex.getMessage())), null);
		}
		int exitCode = report.isClean() ? SUCCESS : CHECK_FAILED;
		Map<String, Object> json = base(command, exitCode);
		json.put("ok", report.isClean());
		json.put("verified", report.verified());
		json.put("changeSet", report.changeSet());
		json.put("problem", report.problem());
		json.put("details", report.details());
		json.put("notes", report.notes());
		StringBuilder text = new StringBuilder();
		if (report.isClean()) {
			text.append("OK: every rollback restores the schema (")
				.append(report.verified())
				.append(" changesets applied, rolled back and applied again in a scratch database).\n");
		}
		else {
			text.append("FAILED: changeset ")
				.append(report.changeSet())
				.append(" (after ")
				.append(report.verified())
				.append(" verified):\n");
			report.details().forEach((line) -> text.append("  ").append(line).append('\n'));
		}
		notes(text, report.notes());
		return new CommandResult(exitCode, text.toString(), json);
	}

	private static void notes(StringBuilder text, List<String> notes) {
		notes.forEach((note) -> text.append("Note: ").append(note).append('\n'));
	}

	private static Map<String, Object> base(MigrationCommand command, int exitCode) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", command.commandName());
		json.put("exitCode", exitCode);
		return json;
	}

}
