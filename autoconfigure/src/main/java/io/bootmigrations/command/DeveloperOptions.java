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

/**
 * Options of the developer's commands ({@code revision}, {@code history --verbose}).
 *
 * @param message the revision's message ({@code migrations.message})
 * @param verbose whether history shows every recorded column ({@code migrations.verbose})
 * @param autogenerate whether the revision is filled from the JPA entities
 * ({@code migrations.autogenerate})
 * @param revisionDirectory where the revision is written
 * ({@code migrations.revision.directory})
 * @param revisionAuthor the revision's author ({@code migrations.revision.author})
 */
public record DeveloperOptions(@Nullable String message, boolean verbose, boolean autogenerate,
		@Nullable String revisionDirectory, @Nullable String revisionAuthor) {

	/** No developer options given. */
	public static final DeveloperOptions NONE = new DeveloperOptions(null, false, false, null, null);

}
