package io.bootmigrations.engine;

import liquibase.lockservice.StandardLockService;
import liquibase.snapshot.SnapshotGeneratorFactory;
import org.jspecify.annotations.Nullable;

/**
 * The repair tools: {@code clear-checksums} (the stored checksums are recomputed on the
 * next run) and {@code release-locks} (Liquibase's lock row in
 * {@code DATABASECHANGELOGLOCK}, left by a killed process). Nothing to plan.
 */
final class RepairOperation implements Operation<Void> {

	static final RepairOperation CLEAR_CHECKSUMS = new RepairOperation("clear-checksums");

	static final RepairOperation RELEASE_LOCKS = new RepairOperation("release-locks");

	private final String name;

	private RepairOperation(String name) {
		this.name = name;
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public boolean planBeforeLock() {
		return false;
	}

	@Override
	public @Nullable Void plan(Session session) {
		return null;
	}

	@Override
	public int apply(Session session, @Nullable Void plan, ProgressTracker tracker) throws Exception {
		if (this == CLEAR_CHECKSUMS) {
			session.liquibase().clearCheckSums();
			return 0;
		}
		// Liquibase's own lock row, left by an older setup or by the 'liquibase' lock
		// strategy; the engine's database lock needs no repair (the server frees it).
		// Bypass the session lock service, which stands in for this table while the
		// engine holds its own lock.
		StandardLockService tableLock = new StandardLockService();
		tableLock.setDatabase(session.database());
		if (SnapshotGeneratorFactory.getInstance().hasDatabaseChangeLogLockTable(session.database())) {
			tableLock.forceReleaseLock();
		}
		return 0;
	}

}
