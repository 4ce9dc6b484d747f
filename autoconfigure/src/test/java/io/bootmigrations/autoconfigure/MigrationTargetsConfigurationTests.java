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

package io.bootmigrations.autoconfigure;

import org.junit.jupiter.api.Test;

import io.bootmigrations.actuate.MigrationMetrics;
import io.bootmigrations.autoconfigure.properties.OutOfOrder;
import io.bootmigrations.schema.DriftWarnings;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the application's listeners every target shares (issue #11).
 */
class MigrationTargetsConfigurationTests {

	@Test
	void everyTargetSharesTheOutOfOrderGuard() {
		assertThat(MigrationTargetsConfiguration.sharedByTargets(new OutOfOrderGuard(OutOfOrder.WARN))).isTrue();
	}

	@Test
	void theDefaultTargetsMetricsAndDriftWarningsStayWithIt() {
		assertThat(
				MigrationTargetsConfiguration.sharedByTargets(new MigrationMetrics(() -> null, () -> null, "default")))
			.isFalse();
		assertThat(MigrationTargetsConfiguration.sharedByTargets(new DriftWarnings(() -> null))).isFalse();
	}

}
