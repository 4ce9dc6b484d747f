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

package io.bootmigrations.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationState;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;

/**
 * Where one migration target stands: the document {@code GET /actuator/migrations}
 * answers and the command line's {@code --migrations.output=json} prints (its
 * {@code status} and the commands that change the database), with the same field names.
 * Built from the engine's status snapshot alone.
 *
 * @param target the target's name
 * @param state {@code PENDING}, {@code MIGRATING}, {@code UP_TO_DATE} or {@code FAILED}
 * @param ready whether the application may take traffic as far as migrations go
 * @param changelog the master changelog
 * @param database the database, without credentials; {@code null} until first checked
 * @param applied how many changesets the database records
 * @param pending how many changesets of the changelog are not applied
 * @param unexpected how many recorded changesets the changelog does not contain
 * @param lastApplied the most recently applied changeset
 * @param tag the most recent tag among the applied changesets
 * @param lastRun the last run in this process
 * @param lock the migration lock as last seen
 * @param progress the run under way, while migrating
 * @param checkedAt when the database was last read
 * @param warnings what an operator should look at
 * @param outOfOrder how many pending changesets sit before applied ones in the changelog
 */
public record StatusDocument(String target, String state, boolean ready, String changelog,
		MigrationStatus.@Nullable DatabaseInfo database, int applied, int pending, int unexpected,
		@Nullable ChangeSet lastApplied, @Nullable String tag, @Nullable LastRun lastRun, Lock lock,
		@Nullable Progress progress, @Nullable String checkedAt, List<String> warnings, int outOfOrder) {

	/** The name of the application's one migration target. */
	public static final String DEFAULT_TARGET = "default";

	/**
	 * The document of a status snapshot.
	 * @param target the target's name
	 * @param status the snapshot
	 * @param blockOnUnexpected whether unexpected changesets block readiness (shown in
	 * {@code ready})
	 * @return the document
	 */
	public static StatusDocument of(String target, MigrationStatus status, boolean blockOnUnexpected) {
		MigrationStatus.Progress progress = status.progress();
		return new StatusDocument(target, status.state().name(),
				MigrationReadiness.of(status, blockOnUnexpected) == MigrationReadiness.READY, status.changelog(),
				status.database(), status.applied().size(), status.pending().size(), status.unexpected().size(),
				ChangeSet.of(status.lastApplied()), currentTag(status), LastRun.of(status.lastRun()),
				Lock.of(status.lock()),
				(progress != null && status.state() == MigrationState.MIGRATING)
						? new Progress(progress.done(), progress.total(), ChangeSet.of(progress.current())) : null,
				text(status.checkedAt()), warnings(status), status.outOfOrder().size());
	}

	private static List<String> warnings(MigrationStatus status) {
		List<String> warnings = new ArrayList<>();
		if (!status.unexpected().isEmpty()) {
			warnings.add(status.unexpected().size() + " changeset(s) in the database are not in this build's "
					+ "changelog (the database is ahead, as after rolling back a deployment); see "
					+ "/actuator/migrations/unexpected");
		}
		if (!status.outOfOrder().isEmpty()) {
			warnings.add(status.outOfOrder().size() + " pending changeset(s) sit before applied ones in the "
					+ "changelog (out of order, as after merging two branches): "
					+ String.join(", ", status.outOfOrder().stream().map(ChangeSetInfo::identifier).toList()));
		}
		if (status.checkedAt() == null) {
			warnings.add("The database has not been checked yet");
		}
		warnings.addAll(status.warnings());
		return warnings;
	}

	/**
	 * The most recent tag among the applied changesets: {@link #tag()}.
	 * @param status the snapshot
	 * @return the tag, or {@code null} if no applied changeset carries one
	 */
	public static @Nullable String currentTag(MigrationStatus status) {
		List<ChangeSetInfo> applied = status.applied();
		for (int i = applied.size() - 1; i >= 0; i--) {
			if (applied.get(i).tag() != null) {
				return applied.get(i).tag();
			}
		}
		return null;
	}

	private static @Nullable String text(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/**
	 * One changeset.
	 *
	 * @param id the id
	 * @param author the author
	 * @param file the changelog file
	 * @param description Liquibase's description of its changes, if known
	 * @param executedAt when it was applied, for applied changesets
	 * @param tag the tag recorded on it
	 */
	public record ChangeSet(String id, String author, String file, @Nullable String description,
			@Nullable String executedAt, @Nullable String tag) {

		/**
		 * The document of a changeset.
		 * @param info the changeset, or {@code null}
		 * @return its document, or {@code null}
		 */
		public static @Nullable ChangeSet of(@Nullable ChangeSetInfo info) {
			return (info != null) ? new ChangeSet(info.id(), info.author(), info.file(), info.description(),
					text(info.executedAt()), info.tag()) : null;
		}

		/**
		 * The documents of changesets, in the same order.
		 * @param infos the changesets
		 * @return their documents
		 */
		public static List<ChangeSet> list(List<ChangeSetInfo> infos) {
			return infos.stream().map(ChangeSet::of).toList();
		}

	}

	/**
	 * A run: the last one in this process, or the one a command or a write operation just
	 * did.
	 *
	 * @param operation the operation (for example {@code update})
	 * @param startedAt when it started
	 * @param finishedAt when it finished
	 * @param durationMs how long it took, in milliseconds
	 * @param applied how many changesets it applied
	 * @param outcome {@code SUCCEEDED} or {@code FAILED}
	 * @param error why it failed
	 */
	public record LastRun(String operation, String startedAt, String finishedAt, long durationMs, int applied,
			String outcome, @Nullable Error error) {

		/**
		 * The document of a run.
		 * @param report the run, or {@code null}
		 * @return its document, or {@code null}
		 */
		public static @Nullable LastRun of(@Nullable RunReport report) {
			if (report == null) {
				return null;
			}
			return new LastRun(report.operation(), report.startedAt().toString(), report.finishedAt().toString(),
					report.duration().toMillis(), report.applied(), report.outcome().name(), Error.of(report.error()));
		}

	}

	/**
	 * Why a run failed.
	 *
	 * @param kind the kind of failure (for example {@code CHANGESET_FAILED})
	 * @param changeSet the changeset that failed, if one did
	 * @param file the changelog file concerned
	 * @param message the database's or Liquibase's message, without credentials
	 * @param action what to do about it
	 */
	public record Error(String kind, @Nullable ChangeSet changeSet, @Nullable String file, String message,
			String action) {

		/**
		 * The document of a failure.
		 * @param failure the failure, or {@code null}
		 * @return its document, or {@code null}
		 */
		public static @Nullable Error of(@Nullable MigrationFailure failure) {
			return (failure != null) ? new Error(failure.kind().name(), ChangeSet.of(failure.changeSet()),
					failure.file(), failure.message(), failure.action()) : null;
		}

	}

	/**
	 * The migration lock as last seen.
	 *
	 * @param known whether the engine knows the lock's state; the other fields are
	 * {@code null} when it does not
	 * @param held whether some process holds it
	 * @param holder who holds it
	 * @param since since when
	 * @param strategy the lock strategy
	 * @param staleLiquibaseLock whether Liquibase's own lock row is marked locked
	 */
	public record Lock(boolean known, @Nullable Boolean held, @Nullable String holder, @Nullable String since,
			@Nullable String strategy, @Nullable Boolean staleLiquibaseLock) {

		static Lock of(MigrationStatus.@Nullable LockInfo lock) {
			if (lock == null) {
				return new Lock(false, null, null, null, null, null);
			}
			return new Lock(true, lock.held(), lock.holder(), text(lock.since()), lock.strategy(),
					lock.staleLiquibaseLock());
		}

	}

	/**
	 * The run under way.
	 *
	 * @param done changesets done
	 * @param total changesets this run applies
	 * @param current the changeset being applied, if known
	 */
	public record Progress(int done, int total, @Nullable ChangeSet current) {

	}

}
