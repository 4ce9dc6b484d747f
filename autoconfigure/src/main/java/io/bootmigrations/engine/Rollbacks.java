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

import liquibase.changelog.ChangeSet;
import liquibase.database.Database;
import org.jspecify.annotations.Nullable;

/**
 * Whether a changeset can be rolled back, as the downgrade command decides it, for other
 * packages (the lint) to ask the same question the same way.
 */
public final class Rollbacks {

	private Rollbacks() {
	}

	/**
	 * Why Liquibase could not roll the changeset back.
	 * @param changeSet the changeset
	 * @param database the database it would run on
	 * @return the reason, or {@code null} if it can be rolled back
	 */
	public static @Nullable String whyImpossible(ChangeSet changeSet, Database database) {
		return Plans.whyNoRollback(changeSet, database);
	}

}
