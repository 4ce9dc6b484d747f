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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;

import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogService;
import liquibase.logging.core.AbstractLogger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OneReportLogService}.
 */
class OneReportLogServiceTests {

	private final List<String> logged = new ArrayList<>();

	private final Set<String> warned = ConcurrentHashMap.newKeySet();

	@Test
	void aWarningIsLoggedOnceThenAtDebugHoweverManySessionsParseTheChangeLog() {
		for (int session = 0; session < 3; session++) {
			Logger log = service().getLog(DatabaseChangeLog.class);
			log.warning("legacy attribute 'x' is deprecated");
			log.warning("table t has no primary key");
		}
		assertThat(this.logged).containsExactly("WARNING legacy attribute 'x' is deprecated",
				"WARNING table t has no primary key", "FINE legacy attribute 'x' is deprecated",
				"FINE table t has no primary key", "FINE legacy attribute 'x' is deprecated",
				"FINE table t has no primary key");
	}

	@Test
	void aFailingChangeSetsOwnErrorGoesToDebugAndOtherErrorsStay() {
		service().getLog(ChangeSet.class).severe("Change Set failed");
		service().getLog(DatabaseChangeLog.class).severe("something else");
		assertThat(this.logged).containsExactly("FINE Change Set failed", "SEVERE something else");
	}

	@Test
	void informationIsNeverDeduplicated() {
		Logger log = service().getLog(DatabaseChangeLog.class);
		log.info("Reading from databasechangelog");
		log.info("Reading from databasechangelog");
		assertThat(this.logged).containsExactly("INFO Reading from databasechangelog",
				"INFO Reading from databasechangelog");
	}

	private OneReportLogService service() {
		return new OneReportLogService(new AbstractLogService() {

			@Override
			public int getPriority() {
				return 1;
			}

			@Override
			@SuppressWarnings("rawtypes")
			public Logger getLog(Class type) {
				return new AbstractLogger() {

					@Override
					public void log(Level level, String message, Throwable ex) {
						OneReportLogServiceTests.this.logged.add(level + " " + message);
					}

				};
			}

		}, this.warned);
	}

}
