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

package io.bootmigrations.lint;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import liquibase.Scope;
import liquibase.changelog.ChangeSet;
import liquibase.resource.Resource;
import org.jspecify.annotations.Nullable;

/**
 * Finds the line where a changeset starts in its file, since Liquibase's parsed
 * changesets do not keep it: the line of {@code id="..."} in XML, {@code id: ...} in
 * YAML, {@code --changeset author:id} in formatted SQL. Reads each file once through the
 * resource accessor of the current Liquibase scope; {@code null} when the file cannot be
 * read or the changeset is not found in it (JSON, includes generated at run time).
 */
final class ChangeSetLines {

	private final Map<String, @Nullable List<String>> files = new HashMap<>();

	@Nullable Integer line(ChangeSet changeSet) {
		List<String> lines = this.files.computeIfAbsent(changeSet.getFilePath(), ChangeSetLines::read);
		if (lines == null) {
			return null;
		}
		String id = Pattern.quote(changeSet.getId());
		String author = Pattern.quote(changeSet.getAuthor());
		Pattern pattern = Pattern.compile("\\bid\\s*=\\s*[\"']" + id + "[\"']" + "|^\\s*-?\\s*id\\s*:\\s*[\"']?" + id
				+ "[\"']?\\s*$" + "|^--\\s*changeset\\s+" + author + ":" + id + "(\\s|$)");
		for (int i = 0; i < lines.size(); i++) {
			if (pattern.matcher(lines.get(i)).find()) {
				return i + 1;
			}
		}
		return null;
	}

	private static @Nullable List<String> read(String path) {
		try {
			Resource resource = Scope.getCurrentScope().getResourceAccessor().get(path);
			if (!resource.exists()) {
				return null;
			}
			try (InputStream input = resource.openInputStream()) {
				return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
			}
		}
		catch (Exception ex) {
			return null;
		}
	}

}
