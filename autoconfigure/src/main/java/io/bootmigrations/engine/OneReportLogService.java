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

import java.util.Set;
import java.util.logging.Level;

import liquibase.changelog.ChangeSet;
import liquibase.logging.LogMessageFilter;
import liquibase.logging.LogService;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogger;

/**
 * Liquibase's logging with two changes, so that a failure or a warning is reported once:
 * a failing changeset's own ERROR (with 100 to 220 stack frames) becomes DEBUG, because
 * the engine reports the failure itself, with what to do about it; and a warning whose
 * text was already logged by this engine (the changelog is parsed again by every session,
 * and Liquibase warns again each time) becomes DEBUG. Everything else passes through.
 */
final class OneReportLogService implements LogService {

	/** Past this many distinct warnings, repeats are no longer looked for. */
	static final int MAX_REMEMBERED = 1000;

	private final LogService delegate;

	private final Set<String> warned;

	/**
	 * Wrap Liquibase's log service.
	 * @param delegate the log service of the current scope
	 * @param warned the warnings already logged, shared by every session of one engine
	 */
	OneReportLogService(LogService delegate, Set<String> warned) {
		this.delegate = delegate;
		this.warned = warned;
	}

	@Override
	public int getPriority() {
		return this.delegate.getPriority();
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Logger getLog(Class type) {
		return new Demoting(this.delegate.getLog(type), type == ChangeSet.class, this.warned);
	}

	@Override
	public void close() {
		this.delegate.close();
	}

	@Override
	@SuppressWarnings("deprecation")
	public LogMessageFilter getFilter() {
		return this.delegate.getFilter();
	}

	@Override
	@SuppressWarnings("deprecation")
	public void setFilter(LogMessageFilter filter) {
		this.delegate.setFilter(filter);
	}

	private static final class Demoting extends AbstractLogger {

		private final Logger delegate;

		private final boolean changeSet;

		private final Set<String> warned;

		Demoting(Logger delegate, boolean changeSet, Set<String> warned) {
			this.delegate = delegate;
			this.changeSet = changeSet;
			this.warned = warned;
		}

		@Override
		public void log(Level level, String message, Throwable ex) {
			this.delegate.log(demoted(level, message), message, ex);
		}

		private Level demoted(Level level, String message) {
			if (level == Level.SEVERE && this.changeSet) {
				return Level.FINE;
			}
			if (level == Level.WARNING && message != null && !firstTime(message)) {
				return Level.FINE;
			}
			return level;
		}

		private boolean firstTime(String message) {
			return this.warned.size() >= MAX_REMEMBERED || this.warned.add(message);
		}

	}

}
