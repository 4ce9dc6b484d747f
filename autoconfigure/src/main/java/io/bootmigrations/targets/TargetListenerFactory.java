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

package io.bootmigrations.targets;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationStatus;

/**
 * Creates a listener of one target's engine, for what must be told apart per target
 * (metrics tagged with the target's id).
 */
@FunctionalInterface
public interface TargetListenerFactory {

	/**
	 * Create the listener of a target.
	 * @param id the target's id
	 * @param status the target's current status, {@code null} before its engine exists
	 * @return the listener
	 */
	MigrationListener create(String id, Supplier<@Nullable MigrationStatus> status);

}
