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

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.RunReport;

/**
 * One prepared target (a tenant schema is one): its listeners from the start, its engine
 * only once someone needs it. A tenant whose fast path matched in the batch check on boot
 * is <em>settled</em>: its status is known without an engine, and the engine built later
 * (for a command, an endpoint list, a migration) starts from that status.
 */
final class Target {

	private final TargetDefinition definition;

	private final TargetEngineFactory factory;

	private final List<MigrationListener> listeners;

	private volatile @Nullable MigrationEngine engine;

	private volatile @Nullable MigrationStatus settled;

	Target(TargetDefinition definition, TargetEngineFactory factory) {
		this.definition = definition;
		this.factory = factory;
		this.listeners = List.copyOf(factory.listeners(definition.id(), this::status));
	}

	String id() {
		return this.definition.id();
	}

	TargetDefinition definition() {
		return this.definition;
	}

	boolean hasEngine() {
		return this.engine != null;
	}

	boolean isSettled() {
		return this.settled != null;
	}

	/**
	 * The engine, built now if it was not.
	 * @return the engine
	 */
	synchronized MigrationEngine engine() {
		MigrationEngine engine = this.engine;
		if (engine == null) {
			engine = this.factory.create(this.definition, this.listeners);
			MigrationStatus settled = this.settled;
			if (settled != null) {
				engine.adopt(settled);
			}
			this.engine = engine;
		}
		return engine;
	}

	/**
	 * The status: the engine's, or the settled one, or the initial one.
	 * @return the status
	 */
	MigrationStatus status() {
		MigrationEngine engine = this.engine;
		if (engine != null) {
			return engine.status();
		}
		MigrationStatus settled = this.settled;
		return (settled != null) ? settled : MigrationStatus.initial(this.definition.settings().changeLog());
	}

	/**
	 * Settle the target as up to date without an engine, telling the listeners as the
	 * engine's fast path does.
	 * @param status the up-to-date status
	 */
	synchronized void settle(MigrationStatus status) {
		if (this.engine != null) {
			return;
		}
		this.settled = status;
		RunReport report = status.lastRun();
		this.listeners.forEach((listener) -> listener.runStarted("update", 0));
		if (report != null) {
			this.listeners.forEach((listener) -> listener.runFinished(report, status));
		}
	}

}
