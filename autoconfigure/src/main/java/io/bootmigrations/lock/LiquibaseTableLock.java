package io.bootmigrations.lock;

import java.sql.Connection;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Liquibase's own lock, a row in {@code DATABASECHANGELOGLOCK}, for databases without a
 * native lock. Liquibase takes it itself; this lock only stands for it.
 */
public final class LiquibaseTableLock implements MigrationLock {

	@Override
	public String strategy() {
		return "liquibase-table";
	}

	@Override
	public boolean replacesLiquibaseLock() {
		return false;
	}

	@Override
	public Handle acquire(Connection connection, Duration timeout, WaitListener listener) {
		return () -> {
		};
	}

	@Override
	public @Nullable LockHolder holder(Connection connection) {
		return null;
	}

}
