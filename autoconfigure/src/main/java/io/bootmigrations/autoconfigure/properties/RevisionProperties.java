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

package io.bootmigrations.autoconfigure.properties;

import org.jspecify.annotations.Nullable;

/**
 * Where the revision command writes.
 *
 * @since 0.1.0
 */
public class RevisionProperties {

	/**
	 * Directory the revision command writes the new changelog file into. Defaults to the
	 * folder of the master changelog under src/main/resources.
	 */
	private @Nullable String directory;

	/**
	 * Author of the changesets the revision command writes. Defaults to the OS user.
	 */
	private @Nullable String author;

	public @Nullable String getDirectory() {
		return this.directory;
	}

	public void setDirectory(@Nullable String directory) {
		this.directory = directory;
	}

	public @Nullable String getAuthor() {
		return this.author;
	}

	public void setAuthor(@Nullable String author) {
		this.author = author;
	}

}
