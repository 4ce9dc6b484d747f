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

package io.bootmigrations.inspect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import liquibase.ChecksumVersion;
import liquibase.ContextExpression;
import liquibase.Labels;
import liquibase.Scope;
import liquibase.change.Change;
import liquibase.change.ChangeFactory;
import liquibase.change.core.TagDatabaseChange;
import liquibase.changelog.ChangeLogHistoryServiceFactory;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.sql.Sql;
import liquibase.sqlgenerator.SqlGeneratorFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;

/**
 * Looks at one changeset ({@code show}) or at the full recorded history
 * ({@code history --migrations.verbose=true}) through the engine, without the lock and
 * without running anything: SQL is generated, never executed.
 */
public final class ChangeSetInspector {

	private final MigrationEngine engine;

	/**
	 * Create an inspector.
	 * @param engine the engine whose database and changelog to read
	 */
	public ChangeSetInspector(MigrationEngine engine) {
		this.engine = engine;
	}

	/**
	 * Every recorded changeset with everything {@code DATABASECHANGELOG} holds, newest
	 * first.
	 * @return the history
	 */
	public List<HistoryEntry> history() {
		return this.engine.read((database, changeLog) -> {
			List<HistoryEntry> entries = new ArrayList<>();
			for (RanChangeSet ran : ranChangeSets(database)) {
				entries.add(new HistoryEntry(ran.getChangeLog(), ran.getId(), ran.getAuthor(),
						(ran.getDateExecuted() != null) ? ran.getDateExecuted().toInstant() : null,
						ran.getOrderExecuted(), (ran.getExecType() != null) ? ran.getExecType().name() : null,
						ran.getDeploymentId(), text(ran.getContextExpression()), text(ran.getLabels()),
						text(ran.getLastCheckSum()), ran.getTag(), ran.getDescription()));
			}
			Collections.reverse(entries);
			return entries;
		});
	}

	/**
	 * One changeset of the changelog.
	 * @param target its id, a tag recorded on it or declared by it, or
	 * {@code file::id::author}
	 * @return what the changelog and the database say about it
	 * @throws MigrationException if no changeset or more than one matches
	 */
	public ChangeSetDetails show(String target) {
		return this.engine.read((database, changeLogParser) -> {
			DatabaseChangeLog changeLog = changeLogParser.call();
			List<RanChangeSet> ran = ranChangeSets(database);
			ChangeSet changeSet = find(changeLog, ran, target.strip());
			RanChangeSet record = ran.stream()
				.filter((candidate) -> candidate.isSameAs(changeSet))
				.findFirst()
				.orElse(null);
			List<String> rollback = new ArrayList<>();
			String rollbackProblem = rollbackSql(changeSet, database, rollback);
			return new ChangeSetDetails(changeSet.getFilePath(), changeSet.getId(), changeSet.getAuthor(),
					changeSet.getComments(), text(changeSet.getLabels()), text(changeSet.getContextFilter()),
					record != null,
					(record != null && record.getDateExecuted() != null) ? record.getDateExecuted().toInstant() : null,
					(record != null) ? record.getTag() : null,
					changeSet.generateCheckSum(ChecksumVersion.latest()).toString(),
					(record != null) ? text(record.getLastCheckSum()) : null, sql(changeSet.getChanges(), database),
					rollback, rollbackProblem);
		});
	}

	private static List<RanChangeSet> ranChangeSets(Database database) throws Exception {
		return Scope.getCurrentScope()
			.getSingleton(ChangeLogHistoryServiceFactory.class)
			.getChangeLogService(database)
			.getRanChangeSets();
	}

	private static ChangeSet find(DatabaseChangeLog changeLog, List<RanChangeSet> ran, String target) {
		List<ChangeSet> changeSets = changeLog.getChangeSets();
		String[] parts = target.split("::");
		if (parts.length == 3) {
			String file = DatabaseChangeLog.normalizePath(parts[0]);
			return single(target, changeSets.stream()
				.filter((changeSet) -> DatabaseChangeLog.normalizePath(changeSet.getFilePath()).equalsIgnoreCase(file)
						&& changeSet.getId().equalsIgnoreCase(parts[1])
						&& changeSet.getAuthor().equalsIgnoreCase(parts[2]))
				.toList());
		}
		List<ChangeSet> byId = changeSets.stream().filter((changeSet) -> changeSet.getId().equals(target)).toList();
		if (!byId.isEmpty()) {
			return single(target, byId);
		}
		List<ChangeSet> byTag = new ArrayList<>();
		for (ChangeSet changeSet : changeSets) {
			boolean recorded = ran.stream()
				.anyMatch((candidate) -> target.equals(candidate.getTag()) && candidate.isSameAs(changeSet));
			boolean declared = changeSet.getChanges()
				.stream()
				.anyMatch((change) -> change instanceof TagDatabaseChange tag && target.equals(tag.getTag()));
			if (recorded || declared) {
				byTag.add(changeSet);
			}
		}
		return single(target, byTag);
	}

	private static ChangeSet single(String target, List<ChangeSet> matches) {
		if (matches.size() == 1) {
			return matches.get(0);
		}
		if (matches.isEmpty()) {
			throw refused("No changeset matches --migrations.target=" + target,
					"Give a changeset id, a tag, or file::id::author as the status and history commands print them");
		}
		throw refused(
				matches.size() + " changesets match --migrations.target=" + target + ": "
						+ String.join(", ", matches.stream().map(ChangeSet::toString).toList()),
				"Name one of them as file::id::author");
	}

	private static MigrationException refused(String message, String action) {
		return new MigrationException(new MigrationFailure(MigrationFailure.Kind.REFUSED, null, null, message, action),
				null);
	}

	private static List<String> sql(List<Change> changes, Database database) {
		List<String> statements = new ArrayList<>();
		for (Change change : changes) {
			for (Sql sql : SqlGeneratorFactory.getInstance().generateSql(change, database)) {
				statements.add(sql.toSql() + sql.getEndDelimiter());
			}
		}
		return statements;
	}

	private static @Nullable String rollbackSql(ChangeSet changeSet, Database database, List<String> into)
			throws Exception {
		List<Change> declared = changeSet.getRollback().getChanges();
		if (!declared.isEmpty()) {
			into.addAll(sql(declared, database));
			return null;
		}
		List<Change> reversed = new ArrayList<>(changeSet.getChanges());
		Collections.reverse(reversed);
		for (Change change : reversed) {
			if (!change.supportsRollback(database)) {
				into.clear();
				return "'" + name(change) + "' has no automatic rollback and the changeset declares none: add a "
						+ "rollback section";
			}
			for (Sql sql : SqlGeneratorFactory.getInstance()
				.generateSql(change.generateRollbackStatements(database), database)) {
				into.add(sql.toSql() + sql.getEndDelimiter());
			}
		}
		return null;
	}

	private static String name(Change change) {
		return Scope.getCurrentScope().getSingleton(ChangeFactory.class).getChangeMetaData(change).getName();
	}

	private static String text(@Nullable Object value) {
		if (value == null || (value instanceof ContextExpression contexts && contexts.isEmpty())
				|| (value instanceof Labels labels && labels.isEmpty())) {
			return "";
		}
		return value.toString();
	}

}
