package io.bootmigrations.engine;

import java.util.logging.Level;

import liquibase.changelog.ChangeSet;
import liquibase.logging.LogMessageFilter;
import liquibase.logging.LogService;
import liquibase.logging.Logger;
import liquibase.logging.core.AbstractLogger;

/**
 * Liquibase's logging with one change: a failing changeset's own ERROR (with 100 to 220
 * stack frames) becomes DEBUG, because the engine reports the failure once, with what to
 * do about it. Everything else passes through unchanged.
 */
final class OneReportLogService implements LogService {

	private final LogService delegate;

	OneReportLogService(LogService delegate) {
		this.delegate = delegate;
	}

	@Override
	public int getPriority() {
		return this.delegate.getPriority();
	}

	@Override
	@SuppressWarnings("rawtypes")
	public Logger getLog(Class type) {
		Logger logger = this.delegate.getLog(type);
		return (type == ChangeSet.class) ? new Demoting(logger) : logger;
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

		Demoting(Logger delegate) {
			this.delegate = delegate;
		}

		@Override
		public void log(Level level, String message, Throwable ex) {
			this.delegate.log((level == Level.SEVERE) ? Level.FINE : level, message, ex);
		}

	}

}
