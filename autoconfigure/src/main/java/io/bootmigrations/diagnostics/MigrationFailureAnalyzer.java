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

package io.bootmigrations.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.Failures;
import io.bootmigrations.engine.MigrationFailure;

/**
 * Turns a failed migration into one clear startup report: the changeset (id, author,
 * file), the database's error, and what to do.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(describe(cause.getFailure()), cause.getFailure().action(), cause);
	}

	static String describe(MigrationFailure failure) {
		String details = Failures.lines(failure, "    ", false);
		return "The database migration failed (" + Failures.kind(failure) + ").\n\n"
				+ details.substring(0, details.length() - 1);
	}

}
