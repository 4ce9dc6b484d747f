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

import java.util.List;

import liquibase.Liquibase;
import liquibase.integration.spring.Customizer;
import org.jspecify.annotations.Nullable;

/**
 * Applies the application's {@code Customizer<Liquibase>} beans as one. Kept out of the
 * auto-configuration classes on purpose: Spring's bean conditions list the declared
 * methods of a configuration class, which loads every type in their signatures, and a
 * lambda taking a {@code Liquibase} there would load {@code liquibase.Liquibase} on every
 * boot, also when the fast path skips Liquibase altogether.
 */
final class LiquibaseCustomizers {

	private LiquibaseCustomizers() {
	}

	/**
	 * The customizers as one.
	 * @param customizers Liquibase's {@code Customizer} beans, in order (it only
	 * customizes a {@code Liquibase})
	 * @return one customizer applying all, or {@code null} when there are none
	 */
	static @Nullable Customizer<Liquibase> combine(List<Customizer<?>> customizers) {
		return customizers.isEmpty() ? null
				: (liquibase) -> customizers.forEach((customizer) -> customize(customizer, liquibase));
	}

	@SuppressWarnings("unchecked")
	private static void customize(Customizer<?> customizer, Liquibase liquibase) {
		((Customizer<Liquibase>) customizer).customize(liquibase);
	}

}
