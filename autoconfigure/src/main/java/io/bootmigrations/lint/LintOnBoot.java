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

import java.util.List;

import liquibase.changelog.ChangeSet;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.RunContext;
import io.bootmigrations.engine.RunInterceptor;

/**
 * Lints the changesets a boot is about to apply, under the migration lock and before the
 * first of them runs: logs the findings, or refuses the run when asked to fail on errors.
 */
public final class LintOnBoot implements RunInterceptor {

	private static final Log logger = LogFactory.getLog(LintOnBoot.class);

	private final Linter linter;

	private final boolean failOnError;

	/**
	 * Create the interceptor.
	 * @param linter the linter
	 * @param failOnError whether an error finding refuses the run instead of being logged
	 */
	public LintOnBoot(Linter linter, boolean failOnError) {
		this.linter = linter;
		this.failOnError = failOnError;
	}

	@Override
	public int intercept(RunContext run, Work work) throws Exception {
		if (!"update".equals(run.operation())) {
			return work.run();
		}
		List<ChangeSet> pending = run.pending();
		if (pending.isEmpty()) {
			return work.run();
		}
		LintReport report = this.linter.lint(run.connection(), run.database(), pending, "pending");
		if (this.failOnError && !report.errors().isEmpty()) {
			throw new MigrationException(new MigrationFailure(MigrationFailure.Kind.REFUSED, null, null,
					"The lint found " + report.errors().size() + " error(s) in the changesets about to be applied; "
							+ "nothing was applied.\n" + report.text(),
					"Change the changesets as each finding says, or suppress a finding with its reason "
							+ "(lint:ignore <rule-id> <reason> in the changeset's comment, or "
							+ "migrations.lint.suppress.<rule-id>=<reason>), or set migrations.lint.on-boot=warn."),
					null);
		}
		if (!report.errors().isEmpty()) {
			logger.warn("Migrations lint: " + report.text());
		}
		else if (!report.active().isEmpty()) {
			logger.info("Migrations lint: " + report.text());
		}
		return work.run();
	}

}
