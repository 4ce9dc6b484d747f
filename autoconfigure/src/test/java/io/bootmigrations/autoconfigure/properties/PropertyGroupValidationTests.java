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

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

import io.bootmigrations.autoconfigure.MigrationsProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the validation of the nested property groups, without an application context:
 * each group rejects its own values under the {@code migrations} field paths.
 */
class PropertyGroupValidationTests {

	private final MigrationsProperties properties = new MigrationsProperties();

	@Test
	void defaultsAreValid() {
		assertThat(validate().getAllErrors()).isEmpty();
	}

	@Test
	void eachGroupRejectsItsOwnFieldUnderItsPrefix() {
		this.properties.getLock().setWaitTimeout(Duration.ZERO);
		this.properties.getStartup().setWaitForDatabase(Duration.ofSeconds(-1));
		this.properties.getStatus().setRefreshInterval(Duration.ZERO);
		this.properties.getPostgresql().setLockRetries(-1);
		this.properties.getSession().setKeepalivesIdle(Duration.ofSeconds(-1));
		this.properties.setParallelism(0);
		assertThat(validate().getFieldErrors()).extracting(FieldError::getField)
			.containsExactlyInAnyOrder("lock.waitTimeout", "startup.waitForDatabase", "status.refreshInterval",
					"postgresql.lockRetries", "session.keepalivesIdle", "parallelism");
	}

	@Test
	void messagesNameTheKebabCaseProperty() {
		this.properties.getSession().setIdleInTransactionTimeout(Duration.ofMinutes(-5));
		assertThat(validate().getFieldError("session.idleInTransactionTimeout").getDefaultMessage())
			.startsWith("migrations.session.idle-in-transaction-timeout must be a duration");
	}

	@Test
	void unsetRefreshIntervalAndStatementTimeoutAreValid() {
		this.properties.getStatus().setRefreshInterval(null);
		this.properties.getPostgresql().setStatementTimeout(null);
		assertThat(validate().getAllErrors()).isEmpty();
	}

	private Errors validate() {
		Errors errors = new BeanPropertyBindingResult(this.properties, "migrations");
		this.properties.validate(this.properties, errors);
		return errors;
	}

}
