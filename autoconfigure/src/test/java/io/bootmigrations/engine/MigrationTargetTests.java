package io.bootmigrations.engine;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.bootmigrations.engine.MigrationTarget.Direction;
import io.bootmigrations.engine.MigrationTarget.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MigrationTarget}.
 */
class MigrationTargetTests {

	@Test
	void parsesEveryForm() {
		assertThat(MigrationTarget.parse("head")).isEqualTo(MigrationTarget.HEAD);
		assertThat(MigrationTarget.parse("BASE")).isEqualTo(MigrationTarget.BASE);
		assertThat(MigrationTarget.parse("+3")).isEqualTo(MigrationTarget.count(3));
		assertThat(MigrationTarget.parse("-2")).isEqualTo(MigrationTarget.count(2));
		assertThat(MigrationTarget.parse(" 1.1 ")).isEqualTo(MigrationTarget.tag("1.1"));
		assertThat(MigrationTarget.parse("date:2026-01-01T00:00:00Z"))
			.isEqualTo(MigrationTarget.date(Instant.parse("2026-01-01T00:00:00Z")));
		assertThat(MigrationTarget.parse("date:2026-01-01T02:00:00+02:00").date())
			.isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(MigrationTarget.parse("date:2026-01-01").date()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void upgradeDefaultsToHeadAndDowngradeNeedsATarget() {
		assertThat(MigrationTarget.parse(null, Direction.UPGRADE)).isEqualTo(MigrationTarget.HEAD);
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse(" ", Direction.DOWNGRADE))
			.withMessageContaining("A downgrade needs a target");
	}

	@Test
	void rejectsTargetsThatDoNotFitTheDirection() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("-1", Direction.UPGRADE))
			.withMessageContaining("Invalid upgrade target '-1'");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("base", Direction.UPGRADE))
			.withMessageContaining("Invalid upgrade target 'base'");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("+1", Direction.DOWNGRADE))
			.withMessageContaining("Invalid downgrade target '+1'");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("head", Direction.DOWNGRADE))
			.withMessageContaining("Invalid downgrade target 'head'");
		assertThat(MigrationTarget.parse("1.0", Direction.DOWNGRADE).kind()).isEqualTo(Kind.TAG);
	}

	@Test
	void explainsMalformedTargets() {
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("+x"))
			.withMessage("Invalid migration target '+x': a count is +N or -N with N a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("-0"))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("+99999999999"))
			.withMessageContaining("too large");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("date:yesterday"))
			.withMessageContaining("ISO-8601");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse("two words"))
			.withMessageContaining("use head, base");
		assertThatIllegalArgumentException().isThrownBy(() -> MigrationTarget.parse(""))
			.withMessageContaining("Empty migration target");
	}

	@Test
	void printsAsTyped() {
		assertThat(MigrationTarget.parse("date:2026-01-01T00:00:00Z")).hasToString("date:2026-01-01T00:00:00Z");
		assertThat(MigrationTarget.tag("1.0")).hasToString("1.0");
		assertThat(MigrationTarget.HEAD).hasToString("head");
	}

}
