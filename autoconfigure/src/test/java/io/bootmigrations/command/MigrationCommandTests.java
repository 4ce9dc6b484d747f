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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationCommand} and the {@link Json} writer its results use.
 */
class MigrationCommandTests {

	@Test
	void findsCommandsByTheNameOperatorsType() {
		assertThat(MigrationCommand.of("upgrade-sql")).isEqualTo(MigrationCommand.UPGRADE_SQL);
		assertThat(MigrationCommand.of(" RELEASE_LOCKS ")).isEqualTo(MigrationCommand.RELEASE_LOCKS);
		assertThat(MigrationCommand.of("stamp")).isNull();
	}

	@Test
	void usageListsEveryCommandAndTheExitStatuses() {
		String usage = MigrationCommand.usage();
		for (MigrationCommand command : MigrationCommand.values()) {
			assertThat(usage).contains("  " + command.commandName() + " ");
		}
		assertThat(usage).contains("0 success, 1 check failed, 2 error or usage");
	}

	@Test
	void writesJsonWithEscapes() {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("text", "a \"quoted\"\nline\\ with \u0001");
		value.put("count", 3);
		value.put("ok", false);
		value.put("none", null);
		value.put("at", Instant.parse("2026-01-01T00:00:00Z"));
		value.put("list", List.of("x", Map.of("k", 1)));
		assertThat(CommandJson.write(value))
			.isEqualTo("{\"text\":\"a \\\"quoted\\\"\\nline\\\\ with \\u0001\",\"count\":3,"
					+ "\"ok\":false,\"none\":null,\"at\":\"2026-01-01T00:00:00Z\",\"list\":[\"x\",{\"k\":1}]}");
	}

}
