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

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The commands {@code --migrations.command} accepts, with what each does with
 * {@code --migrations.target}.
 */
public enum MigrationCommand {

	/** Where the database stands: last applied changeset and tag, what is pending. */
	STATUS("status", TargetUse.NONE, "where the database stands and what is pending"),

	/** Exit 1 if anything is pending, unexpected or has a checksum mismatch. */
	CHECK("check", TargetUse.NONE, "exit 1 if anything is pending, unexpected or edited (a CI/CD gate)"),

	/** Applied changesets, newest first. */
	HISTORY("history", TargetUse.NONE, "applied changesets with tags, newest first"),

	/** Apply changesets to head, a tag, or +N. */
	UPGRADE("upgrade", TargetUse.UPGRADE, "apply changesets: target head (default), a tag or +N"),

	/** Roll changesets back to -N, a tag, a date or base. */
	DOWNGRADE("downgrade", TargetUse.DOWNGRADE, "roll back: target -N, a tag, date:<ISO-8601> or base"),

	/** The SQL an upgrade would run. */
	UPGRADE_SQL("upgrade-sql", TargetUse.UPGRADE, "print the SQL upgrade would run, without running it"),

	/** The SQL a downgrade would run. */
	DOWNGRADE_SQL("downgrade-sql", TargetUse.DOWNGRADE, "print the SQL downgrade would run, without running it"),

	/** Tag the current state. */
	TAG("tag", TargetUse.NAME, "tag the last applied changeset: target is the tag name"),

	/** Record changesets as applied without running them. */
	BASELINE("baseline", TargetUse.BASELINE,
			"record changesets as applied without running them: target head (default) or a tag"),

	/** Validate the changelog and the stored checksums. */
	VALIDATE("validate", TargetUse.NONE, "validate the changelog and the stored checksums"),

	/** Clear the stored checksums (repair). */
	CLEAR_CHECKSUMS("clear-checksums", TargetUse.NONE, "repair: clear the stored checksums"),

	/** Release Liquibase's lock (repair). */
	RELEASE_LOCKS("release-locks", TargetUse.NONE, "repair: release Liquibase's lock in DATABASECHANGELOGLOCK"),

	/** Exit 1 if the live schema differs from what the applied changesets produce. */
	DRIFT("drift", TargetUse.NONE, "exit 1 if the schema differs from what the applied changesets produce"),

	/** Exit 1 at the first changeset whose rollback does not restore the schema. */
	VERIFY_ROLLBACKS("verify-rollbacks", TargetUse.NONE,
			"apply, roll back and re-apply each changeset in a scratch database; exit 1 at a leaky rollback"),

	/** Lint changesets for zero-downtime deploys. */
	LINT("lint", TargetUse.SCOPE,
			"exit 1 if a changeset would lock a busy table or break the previous release: target pending "
					+ "(default) or all"),

	/** Write a new changelog file and include it in the master changelog. */
	REVISION("revision", TargetUse.NONE,
			"write a new changelog file (--migrations.message=...) and include it in the master changelog"),

	/**
	 * One changeset in full: where it is, whether it is applied, its SQL and rollback
	 * SQL.
	 */
	SHOW("show", TargetUse.CHANGESET, "one changeset in full: target is its id, a tag or file::id::author");

	private final String commandName;

	private final TargetUse targetUse;

	private final String description;

	MigrationCommand(String commandName, TargetUse targetUse, String description) {
		this.commandName = commandName;
		this.targetUse = targetUse;
		this.description = description;
	}

	/**
	 * The name an operator types.
	 * @return the command name
	 */
	public String commandName() {
		return this.commandName;
	}

	TargetUse targetUse() {
		return this.targetUse;
	}

	/**
	 * The command of the given name, ignoring case and accepting underscores for dashes.
	 * @param name the name
	 * @return the command, or {@code null} if there is none of that name
	 */
	public static @Nullable MigrationCommand of(String name) {
		String normalized = name.strip().toLowerCase(Locale.ROOT).replace('_', '-');
		return Arrays.stream(values())
			.filter((command) -> command.commandName.equals(normalized))
			.findFirst()
			.orElse(null);
	}

	/**
	 * A usage message listing every command.
	 * @return the usage text
	 */
	public static String usage() {
		String commands = Arrays.stream(values())
			.map((command) -> String.format("  %-16s %s", command.commandName, command.description))
			.collect(Collectors.joining("\n"));
		return "Usage: java -jar app.jar --migrations.command=<command> [--migrations.target=<target>] "
				+ "[--migrations.output=text|json]\n"
				+ "       revision: --migrations.message=... [--migrations.revision.directory=...]; "
				+ "history: [--migrations.verbose=true]\n"
				+ "       (or MIGRATIONS_COMMAND, MIGRATIONS_TARGET, MIGRATIONS_OUTPUT)\n\nCommands:\n" + commands
				+ "\n\nTargets: head, base, +N, -N, a tag name, date:2026-01-01T00:00:00Z; for lint: pending or all\n"
				+ "Exit status: 0 success, 1 check failed, 2 error or usage";
	}

	/**
	 * What a command does with the target option.
	 */
	enum TargetUse {

		/** The command takes no target. */
		NONE,

		/** An upgrade target, head by default. */
		UPGRADE,

		/** A downgrade target, required. */
		DOWNGRADE,

		/** A tag name, required. */
		NAME,

		/** Head (default) or a tag. */
		BASELINE,

		/** The changesets to look at: pending (default) or all. */
		SCOPE,

		/** A changeset: id, tag or file::id::author, required. */
		CHANGESET

	}

}
