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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.IgnoreChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;

/**
 * What a parsed changelog declares, reduced to what the status needs: the changesets that
 * apply to this database with the configured contexts and labels, and the identity of
 * every changeset it contains. Lets the engine compute pending and unexpected changesets
 * from {@code DATABASECHANGELOG} rows alone, without parsing again.
 */
final class ChangeLogModel {

	private final List<ChangeSetInfo> expected;

	private final List<String> expectedKeys;

	private final Set<String> allKeys;

	// normalizing a path is costly and a changelog has far fewer files than changesets
	private final Map<String, String> normalizedPaths = new ConcurrentHashMap<>();

	private ChangeLogModel(List<ChangeSetInfo> expected, Set<String> allKeys) {
		this.expected = List.copyOf(expected);
		this.allKeys = Set.copyOf(allKeys);
		this.expectedKeys = this.expected.stream().map(this::cachedKey).toList();
	}

	static ChangeLogModel of(DatabaseChangeLog changeLog, Database database, Contexts contexts,
			LabelExpression labels) {
		List<ChangeSetFilter> filters = List.of(new ContextChangeSetFilter(contexts), new LabelChangeSetFilter(labels),
				new DbmsChangeSetFilter(database), new IgnoreChangeSetFilter());
		List<ChangeSetInfo> expected = new ArrayList<>();
		Set<String> allKeys = new HashSet<>();
		Map<String, String> normalizedPaths = new HashMap<>();
		for (ChangeSet changeSet : changeLog.getChangeSets()) {
			String file = normalizedPaths.computeIfAbsent(changeSet.getFilePath(), DatabaseChangeLog::normalizePath);
			allKeys.add((file + "::" + changeSet.getId() + "::" + changeSet.getAuthor()).toLowerCase(Locale.ROOT));
			if (accepts(filters, changeSet)) {
				expected.add(info(changeSet));
			}
		}
		return new ChangeLogModel(expected, allKeys);
	}

	private static boolean accepts(List<ChangeSetFilter> filters, ChangeSet changeSet) {
		for (ChangeSetFilter filter : filters) {
			if (!filter.accepts(changeSet).isAccepted()) {
				return false;
			}
		}
		return true;
	}

	static ChangeSetInfo info(ChangeSet changeSet) {
		return new ChangeSetInfo(changeSet.getId(), changeSet.getAuthor(), changeSet.getFilePath(),
				changeSet.getDescription(), null, null);
	}

	/**
	 * The changesets of the changelog that are not recorded as applied.
	 * @param applied the applied changesets
	 * @return the pending changesets, in changelog order
	 */
	List<ChangeSetInfo> pending(List<ChangeSetInfo> applied) {
		Set<String> appliedKeys = new HashSet<>();
		applied.forEach((changeSet) -> appliedKeys.add(cachedKey(changeSet)));
		List<ChangeSetInfo> pending = new ArrayList<>();
		for (int i = 0; i < this.expected.size(); i++) {
			if (!appliedKeys.contains(this.expectedKeys.get(i))) {
				pending.add(this.expected.get(i));
			}
		}
		return pending;
	}

	/**
	 * The pending changesets that sit before an applied one in the changelog, as after
	 * merging two branches that each added changesets: Liquibase would apply them after
	 * changesets that follow them in the changelog.
	 * @param applied the applied changesets
	 * @return the out-of-order changesets, in changelog order
	 */
	List<ChangeSetInfo> outOfOrder(List<ChangeSetInfo> applied) {
		Set<String> appliedKeys = new HashSet<>();
		applied.forEach((changeSet) -> appliedKeys.add(cachedKey(changeSet)));
		int lastApplied = -1;
		for (int i = 0; i < this.expected.size(); i++) {
			if (appliedKeys.contains(this.expectedKeys.get(i))) {
				lastApplied = i;
			}
		}
		List<ChangeSetInfo> outOfOrder = new ArrayList<>();
		for (int i = 0; i < lastApplied; i++) {
			if (!appliedKeys.contains(this.expectedKeys.get(i))) {
				outOfOrder.add(this.expected.get(i));
			}
		}
		return outOfOrder;
	}

	/**
	 * The applied changesets that the changelog does not contain.
	 * @param applied the applied changesets
	 * @return the unexpected changesets, in execution order
	 */
	List<ChangeSetInfo> unexpected(List<ChangeSetInfo> applied) {
		return applied.stream().filter((changeSet) -> !this.allKeys.contains(cachedKey(changeSet))).toList();
	}

	private String cachedKey(ChangeSetInfo changeSet) {
		String file = this.normalizedPaths.computeIfAbsent(changeSet.file(), DatabaseChangeLog::normalizePath);
		return (file + "::" + changeSet.id() + "::" + changeSet.author()).toLowerCase(Locale.ROOT);
	}

	/**
	 * The identity Liquibase gives a changeset: normalized path, id and author, case
	 * insensitive.
	 * @param changeSet the changeset
	 * @return its key
	 */
	static String key(ChangeSetInfo changeSet) {
		return key(changeSet.file(), changeSet.id(), changeSet.author());
	}

	static String key(String file, String id, String author) {
		return (DatabaseChangeLog.normalizePath(file) + "::" + id + "::" + author).toLowerCase(Locale.ROOT);
	}

}
