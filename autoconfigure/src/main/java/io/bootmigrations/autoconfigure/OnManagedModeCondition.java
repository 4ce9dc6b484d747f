package io.bootmigrations.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;

/**
 * Matches unless {@code migrations.mode=off}: with the mode off the application does not
 * manage its database, so migrations must not decide its health or readiness.
 */
class OnManagedModeCondition extends NoneNestedConditions {

	OnManagedModeCondition() {
		super(ConfigurationPhase.REGISTER_BEAN);
	}

	@ConditionalOnProperty(name = "migrations.mode", havingValue = "off")
	static final class ModeOff {

	}

}
