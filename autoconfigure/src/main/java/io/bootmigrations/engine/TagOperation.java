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

import org.jspecify.annotations.Nullable;

/**
 * Tag the current state of the database (the last applied changeset).
 */
final class TagOperation implements Operation<Void> {

	private final String tag;

	TagOperation(String tag, String changeLog) {
		RevisionTarget.checkTag(tag);
		if (tag.chars().anyMatch(Character::isWhitespace)) {
			throw Plans.refused(null, changeLog, "Invalid tag name '" + tag + "'",
					"Give a tag name without spaces, for example 2.3.0.");
		}
		this.tag = tag;
	}

	@Override
	public String name() {
		return "tag";
	}

	@Override
	public @Nullable Void plan(Session session) throws Exception {
		if (session.applied().isEmpty()) {
			throw Plans.refused(null, session.settings().changeLog(),
					"Cannot tag '" + this.tag + "': no changeset is applied",
					"Upgrade first; a tag marks the last applied changeset.");
		}
		return null;
	}

	@Override
	public int apply(Session session, @Nullable Void plan, ProgressTracker tracker) throws Exception {
		session.liquibase().tag(this.tag);
		return 0;
	}

}
