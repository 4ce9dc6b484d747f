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
		assertThat(CommandJson.write(value)).isEqualTo("{\"text\":\"a \\\"quoted\\\"\\nline\\\\ with \\u0001\",\"count\":3,"
				+ "\"ok\":false,\"none\":null,\"at\":\"2026-01-01T00:00:00Z\",\"list\":[\"x\",{\"k\":1}]}");
	}

}
