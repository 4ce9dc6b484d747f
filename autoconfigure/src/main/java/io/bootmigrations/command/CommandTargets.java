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

import org.jspecify.annotations.Nullable;

import io.bootmigrations.command.MigrationCommand.TargetUse;
import io.bootmigrations.engine.RevisionTarget;
import io.bootmigrations.engine.RevisionTarget.Direction;

/**
 * What {@code --migrations.target} means for each command: a revision to go to, a tag
 * name, a changeset, a lint scope, or nothing.
 */
final class CommandTargets {

	private CommandTargets() {
	}

	/**
	 * Parse the target of a command.
	 * @param command the command
	 * @param target {@code --migrations.target} as given
	 * @return the revision target, or {@code null} for commands that take none or another
	 * kind
	 * @throws IllegalArgumentException if the target is missing or invalid for the
	 * command
	 */
	static @Nullable RevisionTarget parse(MigrationCommand command, @Nullable String target) {
		String value = (target != null && !target.isBlank()) ? target.strip() : null;
		TargetUse use = command.targetUse();
		switch (use) {
			case NONE -> {
				if (value != null) {
					throw new IllegalArgumentException("The " + command.commandName()
							+ " command takes no --migrations.target (got '" + value + "').");
				}
				return null;
			}
			case UPGRADE -> {
				return RevisionTarget.parse(value, Direction.UPGRADE);
			}
			case DOWNGRADE -> {
				return RevisionTarget.parse(value, Direction.DOWNGRADE);
			}
			case NAME -> {
				if (value == null) {
					throw new IllegalArgumentException(
							"The tag command needs the tag name: --migrations.target=<name>.");
				}
				return RevisionTarget.tag(value);
			}
			case CHANGESET -> {
				if (value == null) {
					throw new IllegalArgumentException("The " + command.commandName() + " command needs a changeset: "
							+ "--migrations.target=<id | tag | file::id::author>.");
				}
				return null;
			}
			case BASELINE -> {
				RevisionTarget parsed = RevisionTarget.parse(value, Direction.UPGRADE);
				if (parsed.kind() == RevisionTarget.Kind.COUNT) {
					throw new IllegalArgumentException("Invalid baseline target '" + value
							+ "': a baseline records every changeset (head) or the changesets up to a tag.");
				}
				return parsed;
			}
			case SCOPE -> {
				if (value != null && !value.equals("pending") && !value.equals("all")) {
					throw new IllegalArgumentException("Invalid lint target '" + value
							+ "': use --migrations.target=pending (the default) or all.");
				}
				return null;
			}
			default -> throw new IllegalStateException("Unknown target use " + use);
		}
	}

}
