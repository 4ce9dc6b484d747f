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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ChangeSetInfo}: which recorded exec types mean the changes ran.
 */
class ChangeSetInfoTests {

	@ParameterizedTest
	@ValueSource(strings = { "EXECUTED", "RERAN" })
	void executedAndReranChangesRan(String execType) {
		assertThat(applied(execType).changesRan()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "MARK_RAN", "SKIPPED", "FAILED" })
	void markedSkippedAndFailedChangesDidNotRun(String execType) {
		assertThat(applied(execType).changesRan()).isFalse();
	}

	@Test
	void withoutARecordedExecTypeTheChangesAreTakenAsRun() {
		ChangeSetInfo declared = new ChangeSetInfo("1", "ada", "db/changelog.xml", null, null, null);
		assertThat(declared.execType()).isNull();
		assertThat(declared.changesRan()).isTrue();
		assertThat(declared.identifier()).isEqualTo("db/changelog.xml::1::ada");
	}

	private static ChangeSetInfo applied(String execType) {
		return new ChangeSetInfo("1", "ada", "db/changelog.xml", null, null, null, execType);
	}

}
