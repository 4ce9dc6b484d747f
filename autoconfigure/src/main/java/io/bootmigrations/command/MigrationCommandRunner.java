package io.bootmigrations.command;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;

import io.bootmigrations.command.MigrationCommand.TargetUse;
import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.JdbcUrls;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.MigrationTarget;
import io.bootmigrations.engine.MigrationTarget.Direction;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.engine.ValidationResult;

/**
 * Runs the command named by {@code migrations.command} once the context is refreshed,
 * prints its result (text or JSON) and ends the JVM with 0 (success), 1 (check failed)
 * or 2 (error or usage). Runs before any other runner of the application, which never
 * runs.
 */
public class MigrationCommandRunner implements ApplicationRunner, Ordered {

	/** Exit status of a successful command. */
	public static final int SUCCESS = 0;

	/** Exit status of a check that found problems. */
	public static final int CHECK_FAILED = 1;

	/** Exit status of an error or a usage mistake. */
	public static final int ERROR = 2;

	private static final String REPAIR_WARNING = "WARNING: this is a repair tool. ";

	private final @Nullable MigrationEngine engine;

	private final String commandName;

	private final @Nullable String target;

	private final String output;

	private final boolean json;

	private final ApplicationContext context;

	private final PrintStream out;

	private final PrintStream err;

	private final IntConsumer exit;

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

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public void run(ApplicationArguments args) {
		Result result = execute();
		print(result);
		int status = SpringApplication.exit(this.context, () -> result.exitCode);
		this.exit.accept(status);
	}

	Result execute() {
		MigrationCommand command = MigrationCommand.of(this.commandName);
		if (command == null) {
			return usage("Unknown command '" + this.commandName + "'.");
		}
		if (!this.json && !"text".equals(this.output)) {
			return usage("Unknown output '" + this.output + "': use --migrations.output=text or json.");
		}
		MigrationTarget parsed;
		try {
			parsed = parseTarget(command);
		}
		catch (IllegalArgumentException ex) {
			return usage(ex.getMessage());
		}
		if (this.engine == null) {
			return error(command, "Boot Migrations is not active in this application (migrations.enabled=false, "
					+ "spring.liquibase.enabled=false, a SpringLiquibase bean of its own, or no DataSource), so "
					+ "there is nothing to run the command against.", null);
		}
		try {
			return run(command, this.engine, parsed);
		}
		catch (MigrationException ex) {
			return error(command, null, ex.getFailure());
		}
		catch (RuntimeException ex) {
			return error(command, JdbcUrls.scrub(String.valueOf(rootMessage(ex))), null);
		}
	}

	private @Nullable MigrationTarget parseTarget(MigrationCommand command) {
		String value = (this.target != null && !this.target.isBlank()) ? this.target.strip() : null;
		TargetUse use = command.targetUse();
		switch (use) {
			case NONE -> {
				if (value != null) {
					throw new IllegalArgumentException(
							"The " + command.commandName() + " command takes no --migrations.target (got '" + value
									+ "').");
				}
				return null;
			}
			case UPGRADE -> {
				return MigrationTarget.parse(value, Direction.UPGRADE);
			}
			case DOWNGRADE -> {
				return MigrationTarget.parse(value, Direction.DOWNGRADE);
			}
			case NAME -> {
				if (value == null) {
					throw new IllegalArgumentException(
							"The tag command needs the tag name: --migrations.target=<name>.");
				}
				return MigrationTarget.tag(value);
			}
			case BASELINE -> {
				MigrationTarget parsed = MigrationTarget.parse(value, Direction.UPGRADE);
				if (parsed.kind() == MigrationTarget.Kind.COUNT) {
					throw new IllegalArgumentException("Invalid baseline target '" + value
							+ "': a baseline records every changeset (head) or the changesets up to a tag.");
				}
				return parsed;
			}
			default -> throw new IllegalStateException("Unknown target use " + use);
		}
	}

	private Result run(MigrationCommand command, MigrationEngine engine, @Nullable MigrationTarget target) {
		return switch (command) {
			case STATUS -> status(command, engine.refresh());
			case CHECK -> check(command, engine.validate(), true);
			case VALIDATE -> check(command, engine.validate(), false);
			case HISTORY -> history(command, engine.history());
			case UPGRADE -> ran(command, engine.upgrade(required(target)), engine,
					"Upgraded to " + typed(target) + ": applied %d changeset%s");
			case DOWNGRADE -> ran(command, engine.downgrade(required(target)), engine,
					"Downgraded to " + typed(target) + ": rolled back %d changeset%s");
			case UPGRADE_SQL -> sql(command, engine.upgradeSql(required(target)));
			case DOWNGRADE_SQL -> sql(command, engine.downgradeSql(required(target)));
			case TAG -> ran(command, engine.tag(required(target).tag()), engine,
					"Tagged the last applied changeset as '" + required(target).tag() + "'");
			case BASELINE -> ran(command, engine.baseline(required(target)), engine,
					"Baseline to " + typed(target) + ": recorded %d changeset%s as applied without running them");
			case CLEAR_CHECKSUMS -> repair(command, engine.clearChecksums(), engine,
					"Cleared the stored checksums; the next run recomputes them from the changelog.",
					"edits to applied changesets will no longer be detected until the next run stores new "
							+ "checksums.");
			case RELEASE_LOCKS -> repair(command, engine.releaseLocks(), engine,
					"Released Liquibase's lock in DATABASECHANGELOGLOCK.",
					"make sure no migration is running anywhere: a running one may now be joined by another.");
		};
	}

	private String typed(@Nullable MigrationTarget target) {
		return (this.target != null && !this.target.isBlank()) ? this.target.strip() : String.valueOf(target);
	}

	private static MigrationTarget required(@Nullable MigrationTarget target) {
		if (target == null) {
			throw new IllegalStateException("No target");
		}
		return target;
	}

	private Result status(MigrationCommand command, MigrationStatus status) {
		Map<String, Object> json = base(command, SUCCESS);
		json.putAll(statusJson(status));
		StringBuilder text = new StringBuilder();
		MigrationStatus.DatabaseInfo database = status.database();
		if (database != null) {
			text.append(line("Database", database.product() + " " + database.version() + " at " + database.url()
					+ ((database.user() != null) ? " (user " + database.user() + ")" : "")));
		}
		text.append(line("Changelog", status.changelog()));
		ChangeSetInfo last = status.lastApplied();
		text.append(line("Current", (last != null) ? describe(last) : "nothing applied (base)"));
		String tag = currentTag(status);
		text.append(line("Tag", (tag != null) ? tag : "none"));
		text.append(line("Applied", String.valueOf(status.applied().size())));
		text.append(line("Pending", String.valueOf(status.pending().size())));
		status.pending().forEach((changeSet) -> text.append("  - ").append(describe(changeSet)).append('\n'));
		if (!status.unexpected().isEmpty()) {
			text.append(line("Unexpected", status.unexpected().size() + " (applied, not in this changelog)"));
			status.unexpected().forEach((changeSet) -> text.append("  - ").append(describe(changeSet)).append('\n'));
		}
		return new Result(SUCCESS, text.toString(), json);
	}

	private Result check(MigrationCommand command, ValidationResult result, boolean strict) {
		boolean failed = strict ? !result.isClean() : !result.checksumMismatches().isEmpty();
		int exitCode = failed ? CHECK_FAILED : SUCCESS;
		Map<String, Object> json = base(command, exitCode);
		json.put("ok", !failed);
		json.put("pending", changeSets(result.pending()));
		json.put("unexpected", changeSets(result.unexpected()));
		json.put("checksumMismatches", result.checksumMismatches());
		StringBuilder text = new StringBuilder();
		if (!failed) {
			text.append(strict ? "OK: the database matches the changelog (" : "OK: the changelog is valid and the "
					+ "stored checksums match (").append(result.status().applied().size()).append(" applied");
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
		}
		if (!result.checksumMismatches().isEmpty()) {
			text.append("Edited after they were applied (stored vs current checksum):\n");
			result.checksumMismatches().forEach((mismatch) -> text.append("  - ").append(mismatch).append('\n'));
		}
		return new Result(exitCode, text.toString(), json);
	}

	private void appendList(StringBuilder text, @Nullable String title, List<ChangeSetInfo> changeSets) {
		if (title != null && !changeSets.isEmpty()) {
			text.append(title).append(":\n");
			changeSets.forEach((changeSet) -> text.append("  - ").append(describe(changeSet)).append('\n'));
		}
	}

	private Result history(MigrationCommand command, List<ChangeSetInfo> history) {
		Map<String, Object> json = base(command, SUCCESS);
		json.put("history", changeSets(history));
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
		return new Result(SUCCESS, text.toString(), json);
	}

	private Result ran(MigrationCommand command, RunReport report, MigrationEngine engine, String summary) {
		MigrationStatus status = engine.status();
		Map<String, Object> json = base(command, SUCCESS);
		json.put("changeSets", report.applied());
		json.put("durationMs", report.duration().toMillis());
		json.putAll(statusJson(status));
		String headline = summary.contains("%d")
				? String.format(summary, report.applied(), (report.applied() == 1) ? "" : "s") : summary;
		String text = headline + " in " + report.duration().toMillis() + " ms.\n" + now(status);
		return new Result(SUCCESS, text, json);
	}

	private Result repair(MigrationCommand command, RunReport report, MigrationEngine engine, String done,
			String warning) {
		Result ran = ran(command, report, engine, done.substring(0, done.length() - 1));
		ran.json.put("warning", REPAIR_WARNING + warning);
		return new Result(ran.exitCode, REPAIR_WARNING + warning + "\n" + ran.text, ran.json);
	}

	private Result sql(MigrationCommand command, String sql) {
		Map<String, Object> json = base(command, SUCCESS);
		json.put("sql", sql);
		return new Result(SUCCESS, sql.endsWith("\n") ? sql : sql + "\n", json);
	}

	private String now(MigrationStatus status) {
		ChangeSetInfo last = status.lastApplied();
		String tag = currentTag(status);
		return "Now at " + ((last != null) ? last.id() + " (" + last.file() + ")" : "base") + "; "
				+ ((tag != null) ? "tag " + tag + "; " : "") + status.pending().size() + " pending.\n";
	}

	private Result usage(@Nullable String problem) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", this.commandName);
		json.put("exitCode", ERROR);
		json.put("error", Map.of("kind", "USAGE", "message", String.valueOf(problem)));
		return new Result(ERROR, problem + "\n\n" + MigrationCommand.usage() + "\n", json);
	}

	private Result error(MigrationCommand command, @Nullable String message, @Nullable MigrationFailure failure) {
		Map<String, Object> json = base(command, ERROR);
		Map<String, Object> error = new LinkedHashMap<>();
		StringBuilder text = new StringBuilder("ERROR: ").append(command.commandName()).append(" failed");
		if (failure != null) {
			error.put("kind", failure.kind());
			error.put("message", failure.message());
			error.put("changeSet", (failure.changeSet() != null) ? changeSet(failure.changeSet()) : null);
			error.put("file", failure.file());
			error.put("action", failure.action());
			text.append(" (").append(failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
				.append(").\n");
			if (failure.changeSet() != null) {
				text.append(line("Changeset", describe(failure.changeSet())));
			}
			text.append(line("Error", failure.message())).append(line("Action", failure.action()));
		}
		else {
			error.put("kind", "OTHER");
			error.put("message", message);
			text.append(".\n").append(line("Error", String.valueOf(message)));
		}
		json.put("error", error);
		return new Result(ERROR, text.toString(), json);
	}

	private Map<String, Object> base(MigrationCommand command, int exitCode) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("command", command.commandName());
		json.put("exitCode", exitCode);
		return json;
	}

	private Map<String, Object> statusJson(MigrationStatus status) {
		Map<String, Object> json = new LinkedHashMap<>();
		MigrationStatus.DatabaseInfo database = status.database();
		if (database != null) {
			Map<String, Object> db = new LinkedHashMap<>();
			db.put("product", database.product());
			db.put("version", database.version());
			db.put("url", database.url());
			db.put("user", database.user());
			json.put("database", db);
		}
		json.put("changelog", status.changelog());
		ChangeSetInfo last = status.lastApplied();
		json.put("current", (last != null) ? changeSet(last) : null);
		json.put("tag", currentTag(status));
		json.put("applied", status.applied().size());
		json.put("pending", changeSets(status.pending()));
		json.put("unexpected", changeSets(status.unexpected()));
		return json;
	}

	private static @Nullable String currentTag(MigrationStatus status) {
		List<ChangeSetInfo> applied = status.applied();
		for (int i = applied.size() - 1; i >= 0; i--) {
			if (applied.get(i).tag() != null) {
				return applied.get(i).tag();
			}
		}
		return null;
	}

	private static List<Object> changeSets(List<ChangeSetInfo> changeSets) {
		List<Object> json = new ArrayList<>();
		changeSets.forEach((changeSet) -> json.add(changeSet(changeSet)));
		return json;
	}

	private static Map<String, Object> changeSet(ChangeSetInfo changeSet) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", changeSet.id());
		json.put("author", changeSet.author());
		json.put("file", changeSet.file());
		if (changeSet.executedAt() != null) {
			json.put("executedAt", changeSet.executedAt());
		}
		if (changeSet.tag() != null) {
			json.put("tag", changeSet.tag());
		}
		return json;
	}

	private static String describe(ChangeSetInfo changeSet) {
		return changeSet.id() + " by " + changeSet.author() + " (" + changeSet.file() + ")";
	}

	private static String line(String label, String value) {
		return String.format("%-11s %s%n", label + ":", value.replace("\n", "\n            "));
	}

	private static @Nullable String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return (root.getMessage() != null) ? root.getMessage() : root.getClass().getName();
	}

	private void print(Result result) {
		if (this.json) {
			this.out.println(Json.write(result.json));
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

	/**
	 * The outcome of a command: its exit status and what to print.
	 */
	static final class Result {

		final int exitCode;

		final String text;

		final Map<String, Object> json;

		Result(int exitCode, String text, Map<String, Object> json) {
			this.exitCode = exitCode;
			this.text = text;
			this.json = json;
		}

	}

}
