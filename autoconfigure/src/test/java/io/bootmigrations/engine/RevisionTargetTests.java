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

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.bootmigrations.engine.RevisionTarget.Direction;
import io.bootmigrations.engine.RevisionTarget.Kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RevisionTarget}.
 */
class RevisionTargetTests {

	@Test
	void parsesEveryForm() {
		assertThat(RevisionTarget.parse("head")).isEqualTo(RevisionTarget.HEAD);
		assertThat(RevisionTarget.parse("BASE")).isEqualTo(RevisionTarget.BASE);
		assertThat(RevisionTarget.parse("+3")).isEqualTo(RevisionTarget.count(3));
		assertThat(RevisionTarget.parse("-2")).isEqualTo(RevisionTarget.count(2));
		assertThat(RevisionTarget.parse(" 1.1 ")).isEqualTo(RevisionTarget.tag("1.1"));
		assertThat(RevisionTarget.parse("date:2026-01-01T00:00:00Z"))
			.isEqualTo(RevisionTarget.date(Instant.parse("2026-01-01T00:00:00Z")));
		assertThat(RevisionTarget.parse("date:2026-01-01T02:00:00+02:00").date())
			.isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
		assertThat(RevisionTarget.parse("date:2026-01-01").date()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
	}

	@Test
	void upgradeDefaultsToHeadAndDowngradeNeedsATarget() {
		assertThat(RevisionTarget.parse(null, Direction.UPGRADE)).isEqualTo(RevisionTarget.HEAD);
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse(" ", Direction.DOWNGRADE))
			.withMessageContaining("A downgrade needs a target");
	}

	@Test
	void rejectsTargetsThatDoNotFitTheDirection() {
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("-1", Direction.UPGRADE))
			.withMessageContaining("Invalid upgrade target '-1'");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("base", Direction.UPGRADE))
			.withMessageContaining("Invalid upgrade target 'base'");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("+1", Direction.DOWNGRADE))
			.withMessageContaining("Invalid downgrade target '+1'");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("head", Direction.DOWNGRADE))
			.withMessageContaining("Invalid downgrade target 'head'");
		assertThat(RevisionTarget.parse("1.0", Direction.DOWNGRADE).kind()).isEqualTo(Kind.TAG);
	}

	@Test
	void explainsMalformedTargets() {
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("+x"))
			.withMessage("Invalid migration target '+x': a count is +N or -N with N a whole number");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("-0"))
			.withMessageContaining("at least 1");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("+99999999999"))
			.withMessageContaining("too large");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("date:yesterday"))
			.withMessageContaining("ISO-8601");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse("two words"))
			.withMessageContaining("use head, base");
		assertThatIllegalArgumentException().isThrownBy(() -> RevisionTarget.parse(""))
			.withMessageContaining("Empty migration target");
	}

	@Test
	void printsAsTyped() {
		assertThat(RevisionTarget.parse("date:2026-01-01T00:00:00Z")).hasToString("date:2026-01-01T00:00:00Z");
		assertThat(RevisionTarget.tag("1.0")).hasToString("1.0");
		assertThat(RevisionTarget.HEAD).hasToString("head");
	}

}
