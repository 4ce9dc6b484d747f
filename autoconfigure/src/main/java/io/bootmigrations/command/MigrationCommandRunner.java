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

import java.io.PrintStream;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

import io.bootmigrations.engine.JdbcUrls;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.inspect.ChangeSetInspector;
import io.bootmigrations.lint.LintReport;
import io.bootmigrations.lint.Linter;
import io.bootmigrations.revision.RevisionException;
import io.bootmigrations.schema.DriftCheck;
import io.bootmigrations.schema.RollbackVerification;

/**
 * Runs the command named by {@code migrations.command} once the context is refreshed,
 * prints its result (text or JSON) and ends the JVM with 0 (success), 1 (check failed) or
 * 2 (error or usage). Runs before any other runner of the application, which never runs.
 */
public class MigrationCommandRunner implements ApplicationRunner, Ordered {

	/** Exit status of a successful command. */
	public static final int SUCCESS = 0;

	/** Exit status of a check that found problems. */
	public static final int CHECK_FAILED = 1;

	/** Exit status of an error or a usage mistake. */
	public static final int ERROR = 2;

	private final @Nullable MigrationEngine engine;

	private final String commandName;

	private final @Nullable String target;

	private final String output;

	private final boolean json;

	private final ApplicationContext context;

	private final PrintStream out;

	private final PrintStream err;

	private final IntConsumer exit;

	private DeveloperOptions options = DeveloperOptions.NONE;

	private boolean checkEntities = true;

	private Supplier<Map<String, MigrationEngine>> targets = Map::of;

	private @Nullable String only;

	private int parallelism = 1;

	/**
	 * Create a runner.
	 * @param engine the engine, or {@code null} if Boot Migrations is not active
	 * @param commandName the command name as given
	 * @param target the target as given, if any
	 * @param output {@code text} or {@code json}
	 * @param context the application context, closed before exiting
	 * @param out where results go
	 * @param err where errors go in text mode
	 * @param exit ends the JVM with the given status
	 */
	public MigrationCommandRunner(@Nullable MigrationEngine engine, String commandName, @Nullable String target,
			String output, ApplicationContext context, PrintStream out, PrintStream err, IntConsumer exit) {
		this.engine = engine;
		this.commandName = commandName;
		this.target = target;
		this.output = output.strip().toLowerCase(java.util.Locale.ROOT);
		this.json = "json".equals(this.output);
		this.context = context;
		this.out = out;
		this.err = err;
		this.exit = exit;
	}

	/**
	 * Set the options of the developer's commands.
	 * @param options the options
	 * @return this runner
	 */
	public MigrationCommandRunner withOptions(DeveloperOptions options) {
		this.options = options;
		return this;
	}

	/**
	 * Set whether {@code check} also compares the JPA entities with the changelog, when
	 * JPA is present ({@code migrations.check.entities}).
	 * @param checkEntities whether to compare them
	 * @return this runner
	 */
	public MigrationCommandRunner withEntityCheck(boolean checkEntities) {
		this.checkEntities = checkEntities;
		return this;
	}

	/**
	 * Run the commands that act on one database on every target (issue #11).
	 * @param targets every target's engine by id, {@code default} first; empty when the
	 * application has no other target
	 * @param only {@code --migrations.only}: {@code target[:schema]} entries separated by
	 * commas, or {@code null} for every target
	 * @return this runner
	 */
	public MigrationCommandRunner withTargets(Supplier<Map<String, MigrationEngine>> targets, @Nullable String only) {
		return withTargets(targets, only, 1);
	}

	/**
	 * Run the commands that act on one database on every target (issue #11), several at
	 * once.
	 * @param targets every target's engine by id, {@code default} first; empty when the
	 * application has no other target
	 * @param only {@code --migrations.only}: {@code target[:schema]} entries separated by
	 * commas, or {@code null} for every target
	 * @param parallelism how many targets a command runs on at once
	 * ({@code migrations.parallelism})
	 * @return this runner
	 */
	public MigrationCommandRunner withTargets(Supplier<Map<String, MigrationEngine>> targets, @Nullable String only,
			int parallelism) {
		this.targets = targets;
		this.parallelism = Math.max(1, parallelism);
		this.only = (only != null && !only.isBlank()) ? only.strip() : null;
		return this;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void run(ApplicationArguments args) {
		CommandResult result = execute();
		print(result);
		int status = SpringApplication.exit(this.context, () -> result.exitCode);
		this.exit.accept(status);
	}

	CommandResult execute() {
		MigrationCommand command = MigrationCommand.of(this.commandName);
		if (command == null) {
			return CommandResults.usage(this.commandName, "Unknown command '" + this.commandName + "'.");
		}
		if (!this.json && !"text".equals(this.output)) {
			return CommandResults.usage(this.commandName,
					"Unknown output '" + this.output + "': use --migrations.output=text or json.");
		}
		RevisionTarget parsed;
		try {
			parsed = CommandTargets.parse(command, this.target);
		}
		catch (IllegalArgumentException ex) {
			return CommandResults.usage(this.commandName, ex.getMessage());
		}
		Map<String, MigrationEngine> targets = this.targets.get();
		MigrationEngine engine = this.engine;
		if (engine == null) {
			return withoutDefault(command, targets, parsed);
		}
		if (!PER_TARGET.contains(command) || (targets.size() <= 1 && this.only == null)) {
			return runOne(command, engine, parsed);
		}
		return runEach(command, targets.isEmpty() ? Map.of("default", engine) : targets, parsed);
	}

	/**
	 * Without the {@code default} target ({@code spring.liquibase.enabled=false}) the
	 * commands that act on one database run on the other targets, grouped per target as
	 * always (issue #11); the others (drift, rollback verification, the developer's
	 * commands) concern the application's own database and are refused.
	 */
	private CommandResult withoutDefault(MigrationCommand command, Map<String, MigrationEngine> targets,
			@Nullable RevisionTarget parsed) {
		if (targets.isEmpty()) {
			return CommandResults
				.error(command, "Boot Migrations is not active in this application (migrations.enabled=false, "
						+ "spring.liquibase.enabled=false without migrations.targets.*, a SpringLiquibase bean of its "
						+ "own, or no DataSource), so there is nothing to run the command against.", null);
		}
		if (!PER_TARGET.contains(command)) {
			return CommandResults.error(command, "The " + command.commandName() + " command acts on the default "
					+ "target, which spring.liquibase.enabled=false removed; the commands that run on the other "
					+ "targets are status, check, validate, history, upgrade, downgrade, upgrade-sql, downgrade-sql, "
					+ "tag, baseline, clear-checksums, release-locks and lint.", null);
		}
		return runEach(command, targets, parsed);
	}

	/**
	 * Run a command on every selected target (issue #11): all of them by default, those
	 * of {@code --migrations.only} otherwise, at most {@code migrations.parallelism} at
	 * once; results grouped per target in the targets' order, the exit status the worst
	 * of them.
	 */
	private CommandResult runEach(MigrationCommand command, Map<String, MigrationEngine> targets,
			@Nullable RevisionTarget parsed) {
		Map<String, MigrationEngine> selected;
		try {
			selected = TargetSelection.select(targets, this.only);
		}
		catch (IllegalArgumentException ex) {
			return CommandResults.usage(this.commandName, ex.getMessage());
		}
		return TargetCommands.runEach(command, selected, this.parallelism, (engine) -> runOne(command, engine, parsed));
	}

	private CommandResult runOne(MigrationCommand command, MigrationEngine engine, @Nullable RevisionTarget parsed) {
		try {
			return run(command, engine, parsed);
		}
		catch (MigrationException ex) {
			return CommandResults.error(command, null, ex.getFailure());
		}
		catch (RevisionException ex) {
			return CommandResults.error(command, ex.getMessage(), null);
		}
		catch (RuntimeException ex) {
			return CommandResults.error(command, JdbcUrls.scrub(String.valueOf(rootMessage(ex))), null);
		}
	}

	/** The commands that act on one database: they run on every selected target. */
	private static final Set<MigrationCommand> PER_TARGET = EnumSet.of(MigrationCommand.STATUS, MigrationCommand.CHECK,
			MigrationCommand.VALIDATE, MigrationCommand.HISTORY, MigrationCommand.UPGRADE, MigrationCommand.DOWNGRADE,
			MigrationCommand.UPGRADE_SQL, MigrationCommand.DOWNGRADE_SQL, MigrationCommand.TAG,
			MigrationCommand.BASELINE, MigrationCommand.CLEAR_CHECKSUMS, MigrationCommand.RELEASE_LOCKS,
			MigrationCommand.LINT);

	/**
	 * The stream a command's result is printed to: standard output, which in command mode
	 * holds nothing else.
	 * @return the stream
	 */
	public static PrintStream resultStream() {
		return CommandOutput.result();
	}

	private CommandResult run(MigrationCommand command, MigrationEngine engine, @Nullable RevisionTarget target) {
		return switch (command) {
			case STATUS -> CommandResults.status(command, engine.refresh());
			// the entities map onto the application's own database: the default target
			// only
			case CHECK -> (engine == this.engine) ? revisions().withEntities(command,
					CommandResults.check(command, engine.validate(), true), this.checkEntities)
					: CommandResults.check(command, engine.validate(), true);
			case VALIDATE -> CommandResults.check(command, engine.validate(), false);
			case HISTORY -> this.options.verbose()
					? DeveloperResults.verboseHistory(command, new ChangeSetInspector(engine).history())
					: CommandResults.history(command, engine.history());
			case SHOW ->
				DeveloperResults.show(command, new ChangeSetInspector(engine).show(String.valueOf(this.target)));
			case REVISION -> this.options.autogenerate() ? revisions().autogenerate(command, engine)
					: DeveloperResults.revision(command, revisions().revision(engine, null));
			case UPGRADE -> CommandResults.ran(command, engine.upgrade(required(target)), engine.status(),
					"Upgraded to " + typed(target) + ": applied %d changeset%s");
			case DOWNGRADE -> CommandResults.ran(command, engine.downgrade(required(target)), engine.status(),
					"Downgraded to " + typed(target) + ": rolled back %d changeset%s");
			case UPGRADE_SQL -> CommandResults.sql(command, engine.upgradeSql(required(target)));
			case DOWNGRADE_SQL -> CommandResults.sql(command, engine.downgradeSql(required(target)));
			case TAG -> CommandResults.ran(command, engine.tag(required(target).tag()), engine.status(),
					"Tagged the last applied changeset as '" + required(target).tag() + "'");
			case BASELINE -> CommandResults.ran(command, engine.baseline(required(target)), engine.status(),
					"Baseline to " + typed(target) + ": recorded %d changeset%s as applied without running them");
			case CLEAR_CHECKSUMS -> CommandResults.repair(command, engine.clearChecksums(), engine.status(),
					"Cleared the stored checksums; the next run recomputes them from the changelog.",
					"edits to applied changesets will no longer be detected until the next run stores new "
							+ "checksums.");
			case RELEASE_LOCKS -> CommandResults.repair(command, engine.releaseLocks(), engine.status(),
					"Released Liquibase's lock in DATABASECHANGELOGLOCK.",
					"make sure no migration is running anywhere: a running one may now be joined by another.");
			case LINT -> lint(command, engine);
			case DRIFT -> SchemaCommandResults.drift(command, () -> this.context.getBean(DriftCheck.class).check());
			case VERIFY_ROLLBACKS -> SchemaCommandResults.rollbacks(command,
					() -> this.context.getBean(RollbackVerification.class).verify());
		};
	}

	private CommandResult lint(MigrationCommand command, MigrationEngine engine) {
		boolean all = "all".equals((this.target != null) ? this.target.strip() : null);
		Linter linter = this.context.getBeanProvider(Linter.class).getIfAvailable(() -> new Linter(Map.of()));
		LintReport report = engine.inspectChangeLog(!all, (connection, database, changeSets) -> linter.lint(connection,
				database, changeSets, all ? "all" : "pending"));
		return CommandResults.lint(command, report);
	}

	private DeveloperCommands revisions() {
		return new DeveloperCommands(this.options, this.context);
	}

	private String typed(@Nullable RevisionTarget target) {
		return (this.target != null && !this.target.isBlank()) ? this.target.strip() : String.valueOf(target);
	}

	private static RevisionTarget required(@Nullable RevisionTarget target) {
		if (target == null) {
			throw new IllegalStateException("No target");
		}
		return target;
	}

	private static @Nullable String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
	}

	private void print(CommandResult result) {
		if (this.json) {
			this.out.println(CommandJson.write(result.json));
		}
		else if (result.exitCode == ERROR) {
			this.err.print(result.text);
		}
		else {
			this.out.print(result.text);
		}
		this.out.flush();
		this.err.flush();
	}

}
