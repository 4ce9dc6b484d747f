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

package io.bootmigrations.actuate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.JdbcUrls;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.engine.RevisionTarget.Direction;
import io.bootmigrations.engine.RunReport;
import io.bootmigrations.schema.DriftCheck;
import io.bootmigrations.status.RecordFields;
import io.bootmigrations.status.StatusDocument;
import io.bootmigrations.status.StatusDocument.ChangeSet;
import io.bootmigrations.status.StatusDocument.LastRun;

/**
 * {@code /actuator/migrations}: where migrations stand, served from the engine's status
 * snapshot. No call parses the changelog, runs Liquibase or touches the database.
 * <p>
 * The summary ({@link StatusDocument}, the same document the command line prints with
 * {@code --migrations.output=json}) describes one migration target, named in
 * {@link StatusDocument#target()} ({@code default} for the application's DataSource). The
 * fields of a target sit at the top level so that {@code jq .state} works; when an
 * application has several targets (issue #11), a compact {@code targets} section is added
 * (counts by state, the targets that are not ready), {@code /actuator/migrations/targets}
 * pages through all of them, and the list views take a {@code target} parameter, without
 * changing what exists. Without the {@code default} target
 * ({@code spring.liquibase.enabled=false} with {@code migrations.targets.*}) the summary
 * holds {@code ready} (every target ready) and the {@code targets} section only, and the
 * lists need a {@code target} parameter.
 */
@Endpoint(id = "migrations", defaultAccess = Access.READ_ONLY)
public class MigrationsEndpoint {

	/** The name of the application's one migration target. */
	public static final String DEFAULT_TARGET = StatusDocument.DEFAULT_TARGET;

	static final int DEFAULT_PAGE_SIZE = 100;

	static final int MAX_PAGE_SIZE = 1000;

	private static final int STATUS_CONFLICT = 409;

	static final Duration DRIFT_CACHE = Duration.ofMinutes(1);

	private final @Nullable MigrationEngine engine;

	private final boolean blockOnUnexpected;

	private final @Nullable DriftCheck driftCheck;

	private final TargetsView targets;

	/**
	 * Create an endpoint.
	 * @param engine the engine of the default target
	 * @param blockOnUnexpected whether unexpected changesets block readiness (shown in
	 * {@code ready})
	 */
	public MigrationsEndpoint(MigrationEngine engine, boolean blockOnUnexpected) {
		this(engine, blockOnUnexpected, null);
	}

	/**
	 * Create an endpoint that also answers {@code /actuator/migrations/drift}.
	 * @param engine the engine of the default target
	 * @param blockOnUnexpected whether unexpected changesets block readiness (shown in
	 * {@code ready})
	 * @param driftCheck the drift check, or {@code null} for none
	 */
	public MigrationsEndpoint(MigrationEngine engine, boolean blockOnUnexpected, @Nullable DriftCheck driftCheck) {
		this(engine, blockOnUnexpected, driftCheck, Map::of);
	}

	/**
	 * Create an endpoint that also reports the application's other targets (issue #11):
	 * {@code /actuator/migrations/targets} and the {@code target} parameter of the lists.
	 * @param engine the engine of the default target
	 * @param blockOnUnexpected whether unexpected changesets block readiness
	 * @param driftCheck the drift check, or {@code null} for none
	 * @param targets every target's engine by id, {@code default} first; empty when the
	 * application has no other target
	 */
	public MigrationsEndpoint(MigrationEngine engine, boolean blockOnUnexpected, @Nullable DriftCheck driftCheck,
			Supplier<Map<String, MigrationEngine>> targets) {
		this(engine, blockOnUnexpected, driftCheck, () -> TargetsView.statuses(targets.get()),
				(id) -> targets.get().get(id));
	}

	/**
	 * Create an endpoint that also reports the application's other targets (issue #11)
	 * from their statuses, asking for a target's engine only for that target's lists (a
	 * tenant's engine may be built on demand).
	 * @param engine the engine of the default target, {@code null} when
	 * {@code spring.liquibase.enabled=false} removed it and only other targets remain
	 * @param blockOnUnexpected whether unexpected changesets block readiness
	 * @param driftCheck the drift check, or {@code null} for none
	 * @param targets every target's status by id, {@code default} first; empty when the
	 * application has no other target
	 * @param targetEngine a target's engine by id, {@code null} for an unknown id
	 */
	public MigrationsEndpoint(@Nullable MigrationEngine engine, boolean blockOnUnexpected,
			@Nullable DriftCheck driftCheck, Supplier<Map<String, MigrationStatus>> targets,
			Function<String, @Nullable MigrationEngine> targetEngine) {
		this.engine = engine;
		this.blockOnUnexpected = blockOnUnexpected;
		this.driftCheck = driftCheck;
		this.targets = new TargetsView(targets, targetEngine, blockOnUnexpected);
	}

	/**
	 * The summary.
	 * @return where migrations stand
	 */
	@ReadOperation
	public Object migrations() {
		if (this.engine == null) {
			return this.targets.summaryWithoutDefault();
		}
		StatusDocument document = StatusDocument.of(DEFAULT_TARGET, this.engine.status(), this.blockOnUnexpected);
		Map<String, MigrationStatus> statuses = this.targets.statuses();
		if (statuses.isEmpty()) {
			return document;
		}
		Map<String, @Nullable Object> body = new LinkedHashMap<>(RecordFields.of(document));
		body.put("targets", this.targets.section(statuses));
		return body;
	}

	/**
	 * One list of changesets, a page at a time. A bad list name or page answers 400 with
	 * a body that says what is wrong ({@code {"error": "..."}}), which an exception would
	 * not: Spring Boot's error page hides exception messages by default.
	 * @param list {@code pending} (changelog order), {@code history} (applied, newest
	 * first) or {@code unexpected} (newest first); {@code drift} (the live schema against
	 * the applied changesets, see {@link DriftCheck}); or {@code upgrade-sql} /
	 * {@code downgrade-sql}: the SQL an upgrade or downgrade {@code to} a target would
	 * run, without running it
	 * @param page the page, from 0
	 * @param size the page size, at most {@value #MAX_PAGE_SIZE}
	 * @param to the target of an SQL preview: {@code head} (default), {@code +N} or a tag
	 * for an upgrade; {@code -N} or a tag for a downgrade
	 * @return the page, or a 400 response
	 */
	public WebEndpointResponse<Object> changeSets(String list, @Nullable Integer page, @Nullable Integer size,
			@Nullable String to) {
		return changeSets(list, page, size, to, null);
	}

	/**
	 * One list of changesets of one target, a page at a time; {@code targets} lists the
	 * targets themselves (issue #11).
	 * @param list the list, as for {@link #changeSets(String, Integer, Integer, String)},
	 * or {@code targets}
	 * @param page the page, from 0
	 * @param size the page size, at most {@value #MAX_PAGE_SIZE}
	 * @param to the target of an SQL preview
	 * @param target the migration target ({@code default} when absent, {@code name} or
	 * {@code name:schema})
	 * @return the page, or a 400 response
	 */
	@ReadOperation
	public WebEndpointResponse<Object> changeSets(@Selector String list, @Nullable Integer page, @Nullable Integer size,
			@Nullable String to, @Nullable String target) {
		if (list.equals("targets")) {
			Map<String, MigrationStatus> statuses = this.targets.statuses();
			return this.targets.page((statuses.isEmpty() && this.engine != null)
					? Map.of(DEFAULT_TARGET, this.engine.status()) : statuses, page, size);
		}
		String targetName = (target != null && !target.isBlank()) ? target.strip() : DEFAULT_TARGET;
		MigrationEngine engine = DEFAULT_TARGET.equals(targetName) ? this.engine : this.targets.engine(targetName);
		if (engine == null) {
			return badRequest("No target '" + targetName + "'"
					+ ((this.engine == null && target == null)
							? " (spring.liquibase.enabled=false): name one with ?target=" : "")
					+ ": see /actuator/migrations/targets");
		}
		if (list.equals("drift")) {
			return (engine == this.engine) ? drift() : badRequest("The drift check covers the default target only");
		}
		if (list.equals("upgrade-sql") || list.equals("downgrade-sql")) {
			return sql(engine, targetName, list.equals("upgrade-sql") ? Direction.UPGRADE : Direction.DOWNGRADE, to);
		}
		MigrationStatus status = engine.status();
		@Nullable List<ChangeSetInfo> changeSets = switch (list) {
			case "pending" -> status.pending();
			case "history" -> newestFirst(status.applied());
			case "unexpected" -> newestFirst(status.unexpected());
			case "out-of-order" -> status.outOfOrder();
			default -> null;
		};
		if (changeSets == null) {
			return badRequest("No list '" + list + "' in /actuator/migrations: use pending, history, unexpected, "
					+ "drift, out-of-order, upgrade-sql or downgrade-sql");
		}
		int pageNumber = (page != null) ? page : 0;
		int pageSize = (size != null) ? size : DEFAULT_PAGE_SIZE;
		if (pageNumber < 0 || pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
			return badRequest("Invalid page=" + pageNumber + "&size=" + pageSize + " for /actuator/migrations/" + list
					+ ": page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
		}
		return new WebEndpointResponse<>(ChangeSetPage.of(targetName, list, changeSets, pageNumber, pageSize));
	}

	/**
	 * Run an upgrade, a downgrade or a tag. Refused (405) unless
	 * {@code management.endpoint.migrations.access=unrestricted}. Runs under the
	 * migration lock, like the migration on boot, and updates the status.
	 * @param operation {@code upgrade}, {@code downgrade} or {@code tag}
	 * @param to for an upgrade {@code head} (default), {@code +N} or a tag; for a
	 * downgrade {@code -N} or a tag (downgrades to {@code base} or a date are left to the
	 * command line); for {@code tag} the tag name
	 * @return what the run did (200), why it was refused (400) or why it failed (500)
	 */
	@WriteOperation
	public WebEndpointResponse<Object> run(String operation, @Nullable String to) {
		MigrationEngine engine = this.engine;
		if (engine == null) {
			return badRequest("No default target (spring.liquibase.enabled=false): the operations over HTTP act on "
					+ "the default target only; use the commands with --migrations.only for the other targets");
		}
		try {
			RunReport report = switch (operation) {
				case "upgrade" -> engine.upgrade(RevisionTarget.parse(to, Direction.UPGRADE));
				case "downgrade" -> engine.downgrade(downgradeTarget(to));
				case "tag" -> {
					if (to == null || to.isBlank()) {
						throw new IllegalArgumentException("The tag operation needs the tag name in 'to'");
					}
					yield engine.tag(to.strip());
				}
				default -> throw new IllegalArgumentException(
						"Unknown operation '" + operation + "': use upgrade, downgrade or tag");
			};
			return new WebEndpointResponse<>(LastRun.of(report));
		}
		catch (IllegalArgumentException ex) {
			return badRequest(ex.getMessage());
		}
		catch (MigrationException ex) {
			return failed(ex);
		}
	}

	private WebEndpointResponse<Object> sql(MigrationEngine engine, String targetName, Direction direction,
			@Nullable String to) {
		if (engine.status().state() == MigrationState.MIGRATING) {
			return new WebEndpointResponse<>(
					Map.of("error", "A migration is running; the SQL preview is not "
							+ "generated meanwhile. Ask again when /actuator/migrations no longer says MIGRATING."),
					STATUS_CONFLICT);
		}
		try {
			RevisionTarget target = (direction == Direction.UPGRADE) ? RevisionTarget.parse(to, direction)
					: downgradeTarget(to);
			String sql = (direction == Direction.UPGRADE) ? engine.upgradeSql(target) : engine.downgradeSql(target);
			return new WebEndpointResponse<>(new SqlPreview(targetName, direction.name().toLowerCase(Locale.ROOT),
					(to != null && !to.isBlank()) ? to.strip() : target.toString(), sql));
		}
		catch (IllegalArgumentException ex) {
			return badRequest(ex.getMessage());
		}
		catch (MigrationException ex) {
			return failed(ex);
		}
	}

	/**
	 * A refusal (nothing changed) is the caller's to fix: 400. Anything else failed in
	 * the database: 500. Both carry the failure report.
	 */
	private static WebEndpointResponse<Object> failed(MigrationException ex) {
		MigrationFailure.Kind kind = ex.getFailure().kind();
		int status = (kind == MigrationFailure.Kind.REFUSED) ? WebEndpointResponse.STATUS_BAD_REQUEST
				: (kind == MigrationFailure.Kind.BUSY) ? STATUS_CONFLICT
						: WebEndpointResponse.STATUS_INTERNAL_SERVER_ERROR;
		return new WebEndpointResponse<>(Map.of("error", StatusDocument.Error.of(ex.getFailure())), status);
	}

	private static RevisionTarget downgradeTarget(@Nullable String to) {
		RevisionTarget target = RevisionTarget.parse(to, Direction.DOWNGRADE);
		if (target.kind() == RevisionTarget.Kind.BASE || target.kind() == RevisionTarget.Kind.DATE) {
			throw new IllegalArgumentException("Downgrades to '" + to + "' are not offered over HTTP: use -N or a tag, "
					+ "or the downgrade command (--migrations.command=downgrade)");
		}
		return target;
	}

	/**
	 * The SQL an upgrade or a downgrade would run.
	 *
	 * @param target the migration target
	 * @param direction {@code upgrade} or {@code downgrade}
	 * @param to where it would go
	 * @param sql the SQL, as Liquibase would run it
	 */
	public record SqlPreview(String target, String direction, String to, String sql) {

	}

	/**
	 * Drift: computed on request (never by probes, which read the status only) and cached
	 * with its time for {@link #DRIFT_CACHE}, so that repeated calls cost nothing.
	 */
	private WebEndpointResponse<Object> drift() {
		if (this.driftCheck == null) {
			return badRequest("No drift check in this application");
		}
		try {
			return new WebEndpointResponse<>(this.driftCheck.latest(DRIFT_CACHE).document());
		}
		catch (IllegalStateException | UnsupportedOperationException ex) {
			return new WebEndpointResponse<>(Map.of("error", JdbcUrls.scrub(String.valueOf(ex.getMessage()))),
					WebEndpointResponse.STATUS_SERVICE_UNAVAILABLE);
		}
	}

	static WebEndpointResponse<Object> badRequest(String message) {
		return new WebEndpointResponse<>(Map.of("error", message), WebEndpointResponse.STATUS_BAD_REQUEST);
	}

	private static List<ChangeSetInfo> newestFirst(List<ChangeSetInfo> changeSets) {
		List<ChangeSetInfo> reversed = new ArrayList<>(changeSets);
		Collections.reverse(reversed);
		return reversed;
	}

	/**
	 * A page of a list of changesets.
	 *
	 * @param target the target's name
	 * @param list which list
	 * @param page this page, from 0
	 * @param size the page size
	 * @param total how many changesets the list holds
	 * @param totalPages how many pages
	 * @param changeSets the changesets of this page
	 */
	public record ChangeSetPage(String target, String list, int page, int size, int total, int totalPages,
			List<ChangeSet> changeSets) {

		static ChangeSetPage of(String target, String list, List<ChangeSetInfo> all, int page, int size) {
			int from = (int) Math.min((long) page * size, all.size());
			int to = Math.min(from + size, all.size());
			List<ChangeSet> changeSets = ChangeSet.list(all.subList(from, to));
			return new ChangeSetPage(target, list.toLowerCase(Locale.ROOT), page, size, all.size(),
					(all.size() + size - 1) / size, changeSets);
		}

	}

}
