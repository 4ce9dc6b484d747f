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

package io.bootmigrations.engine.fastpath;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import liquibase.resource.ResourceAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.ResourceLoader;

import io.bootmigrations.engine.MigrationSettings;

/**
 * Decides, before Liquibase is loaded, whether a boot has nothing to apply: after every
 * successful run that left nothing to do, a fingerprint of everything that decides what
 * Liquibase does is stored in the database; on the next boot it is recomputed (every file
 * the last run read is hashed again, every folder it listed is listed again, every row of
 * {@code DATABASECHANGELOG} is read) and compared. Only an exact match skips Liquibase.
 * Any difference, any doubt and any error take the full Liquibase path.
 * <p>
 * The fingerprint covers: the master changelog location, contexts, label filter, default
 * and Liquibase schema, tablespace, changelog and lock table names, changelog parameters,
 * tag and rollback testing; every {@code liquibase.*} system property and
 * {@code LIQUIBASE_*} environment variable; the Liquibase build and this starter's
 * version; the database product; every lookup, folder listing ({@code includeAll}) and
 * file read of the last run (changelogs, included files, {@code sqlFile}s, property
 * files), the files it found missing, the values of the {@code ${...}} parameters the
 * files reference; and every column of every {@code DATABASECHANGELOG} row.
 */
public final class FastPath {

	private static final Log logger = LogFactory.getLog(FastPath.class);

	private static final String FORMAT = "boot-migrations fast path 3";

	private static final String HISTORY = "DATABASECHANGELOG rows";

	private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

	private final MigrationSettings settings;

	private final @Nullable String liquibaseVersion;

	private final @Nullable String changeLogTable;

	private final @Nullable FingerprintStore store;

	private final @Nullable ClassPathLookups lookups;

	private @Nullable RecordingResourceAccessor accessor;

	private @Nullable String difference;

	/**
	 * Create the fast path for the given settings; a boot asks every lookup of the last
	 * run through Liquibase's accessor again.
	 * @param settings the settings the engine runs with
	 */
	public FastPath(MigrationSettings settings) {
		this(settings, null, null);
	}

	/**
	 * Create the fast path for the given settings, answering the lookups of the last run
	 * on a boot without Liquibase: through Spring's resolver over the class loader's
	 * roots, each opened once.
	 * @param settings the settings the engine runs with
	 * @param resourceLoader the resource loader that the engine's
	 * {@code SpringResourceAccessor} was made with (a lookup that it answers differently
	 * from Liquibase's accessor when recorded is asked through the accessor)
	 */
	public FastPath(MigrationSettings settings, ResourceLoader resourceLoader) {
		this(settings, null, resourceLoader);
	}

	FastPath(MigrationSettings settings, @Nullable String liquibaseVersion) {
		this(settings, liquibaseVersion, null);
	}

	private FastPath(MigrationSettings settings, @Nullable String liquibaseVersion,
			@Nullable ResourceLoader resourceLoader) {
		this.settings = settings;
		this.liquibaseVersion = liquibaseVersion;
		this.lookups = (resourceLoader != null) ? new ClassPathLookups(resourceLoader) : null;
		String table = settings.changeLogTableName();
		String schema = settings.historySchema();
		boolean plainNames = IDENTIFIER.matcher(table).matches()
				&& (schema == null || IDENTIFIER.matcher(schema).matches());
		// a customizer may change anything Liquibase does, and Boot writes a rollback
		// file on
		// every boot: neither fits in a fingerprint
		boolean applicable = plainNames && !settings.dropFirst() && !settings.clearChecksums()
				&& settings.rollbackFile() == null && settings.customizer() == null;
		this.changeLogTable = applicable ? ((schema != null) ? schema + "." + table : table) : null;
		this.store = applicable ? new FingerprintStore(schema, table) : null;
	}

	/**
	 * Wrap the accessor Liquibase reads through, so that a run records what it read. Call
	 * once, with the accessor the engine gives Liquibase.
	 * @param resourceAccessor the accessor
	 * @return the accessor to give Liquibase instead
	 */
	public ResourceAccessor attach(ResourceAccessor resourceAccessor) {
		RecordingResourceAccessor recording = new RecordingResourceAccessor(resourceAccessor);
		this.accessor = recording;
		return recording;
	}

	/**
	 * Whether the settings allow a fast path at all: not with {@code drop-first} or
	 * {@code clear-checksums}, nor with table or schema names that need quoting.
	 * @return whether the fast path may apply
	 */
	public boolean isApplicable() {
		return this.store != null;
	}

	/**
	 * Compare the stored fingerprint with the current one. Never throws: any error means
	 * no match.
	 * @param connection a connection to the database
	 * @return the history when nothing has changed since the last run that left nothing
	 * to do, or {@code null} when Liquibase must run
	 */
	public @Nullable ChangeLogHistory check(Connection connection) {
		RecordingResourceAccessor accessor = this.accessor;
		FingerprintStore store = this.store;
		String table = this.changeLogTable;
		if (accessor == null || store == null || table == null) {
			return null;
		}
		try {
			long started = System.nanoTime();
			FingerprintStore.Stored stored = store.read(connection);
			if (stored == null) {
				logger.debug("Migrations fast path: no fingerprint recorded");
				return null;
			}
			Inputs inputs = Inputs.parse(stored.inputs());
			Fingerprint fingerprint = start(connection);
			// the database reads and digests DATABASECHANGELOG while this thread answers
			// the lookups and hashes the files
			HistoryRead reading = HistoryRead.start(connection, table);
			try {
				Inputs.Lookups throughAccessor = accessor.delegateLookups();
				inputs.answerNow((this.lookups != null) ? this.lookups : throughAccessor, throughAccessor,
						this.settings.parameters(), fingerprint);
			}
			finally {
				reading.await();
			}
			ChangeLogHistory history = reading.history();
			fingerprint.add(HISTORY, history.digest());
			if (!fingerprint.value().equals(stored.fingerprint())) {
				this.difference = fingerprint.firstDifference(stored.inputs());
				logger.debug("Migrations fast path: fingerprint differs in " + this.difference + ", running Liquibase");
				return null;
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Migrations fast path: fingerprint matches (" + inputs.size() + " inputs, "
						+ history.applied().size() + " applied, compared in "
						+ (System.nanoTime() - started) / 1_000_000 + " ms)");
			}
			return history;
		}
		catch (Exception ex) {
			logger.debug("Migrations fast path: cannot compare fingerprints, running Liquibase", ex);
			return null;
		}
	}

	/**
	 * The comparison of {@link #check(Connection)} without its reads, for
	 * {@link FastPathBatch}: whether the stored fingerprint equals the one made of these
	 * settings, the inputs answered already and the history read already.
	 * @param connection a connection to the database (for its product name)
	 * @param stored the stored fingerprint
	 * @param answers the answers to the stored inputs, in their order
	 * @param history the history read from this fast path's changelog table
	 * @return whether they match
	 * @throws SQLException if the connection's metadata cannot be read
	 * @throws IOException if the Liquibase build cannot be identified
	 */
	boolean matches(Connection connection, FingerprintStore.Stored stored, Fingerprint answers,
			ChangeLogHistory history) throws SQLException, IOException {
		Fingerprint fingerprint = start(connection);
		fingerprint.addAll(answers);
		fingerprint.add(HISTORY, history.digest());
		return fingerprint.value().equals(stored.fingerprint());
	}

	/**
	 * The store of this fast path's fingerprint.
	 * @return the store, or {@code null} when the fast path does not apply
	 */
	@Nullable FingerprintStore store() {
		return this.store;
	}

	/**
	 * The changelog table as it goes into SQL.
	 * @return the table, or {@code null} when the fast path does not apply
	 */
	@Nullable String changeLogTable() {
		return this.changeLogTable;
	}

	/**
	 * The settings this fast path fingerprints.
	 * @return the settings
	 */
	MigrationSettings settings() {
		return this.settings;
	}

	/**
	 * The name of what differed when the last {@link #check(Connection)} found another
	 * fingerprint.
	 * @return what differed, or {@code null}
	 */
	@Nullable String difference() {
		return this.difference;
	}

	/**
	 * Start recording what Liquibase reads; call before the changelog is parsed.
	 */
	public void startRecording() {
		if (this.accessor != null) {
			this.accessor.restart();
		}
	}

	/**
	 * Read {@code DATABASECHANGELOG}, for deciding whether the run left nothing to do.
	 * @param connection the connection
	 * @return the history
	 * @throws SQLException if it cannot be read
	 */
	public ChangeLogHistory readHistory(Connection connection) throws SQLException {
		if (this.changeLogTable == null) {
			throw new IllegalStateException("The fast path does not apply to these settings");
		}
		return ChangeLogHistory.read(connection, this.changeLogTable);
	}

	/**
	 * After a successful run, store the fingerprint if the run left nothing to do, or
	 * remove the stored one otherwise.
	 * @param connection the connection the run used
	 * @param history the history read after the run, from which {@code upToDate} was
	 * decided
	 * @param upToDate whether Liquibase has nothing left to run for this history and
	 * changelog (no unrun, always-run or changed run-on-change changeset, no unexpected
	 * changeset, no changelog-level precondition)
	 * @return whether a fingerprint was stored
	 */
	public boolean record(Connection connection, ChangeLogHistory history, boolean upToDate) {
		RecordingResourceAccessor accessor = this.accessor;
		FingerprintStore store = this.store;
		if (accessor == null || store == null) {
			return false;
		}
		try {
			Inputs inputs = upToDate ? Inputs.of(accessor.recording()) : null;
			if (inputs != null && this.lookups != null) {
				inputs = inputs.checkedAgainst(accessor.recording(), this.lookups);
			}
			ChangeLogHistory now = readHistory(connection);
			String obstacle = !upToDate ? "the run leaves work for the next one" : (inputs == null)
					? Inputs.obstacle(accessor.recording())
					: !now.digest().equals(history.digest()) ? "DATABASECHANGELOG changed during the run" : null;
			if (inputs == null || obstacle != null) {
				store.clear(connection);
				logger.debug("Migrations fast path: nothing recorded, the next boot runs Liquibase (" + obstacle + ")");
				return false;
			}
			Fingerprint fingerprint = start(connection);
			inputs.answerFromRecording(accessor.recording(), this.settings.parameters(), fingerprint);
			fingerprint.add(HISTORY, history.digest());
			store.write(connection, fingerprint.value(), fingerprint.text());
			return true;
		}
		catch (Exception ex) {
			logger.info("Migrations fast path: could not record the fingerprint, the next boot runs Liquibase ("
					+ ex.getMessage() + ")");
			return false;
		}
	}

	private Fingerprint start(Connection connection) throws SQLException, IOException {
		Fingerprint fingerprint = new Fingerprint();
		fingerprint.add("format", FORMAT);
		MigrationSettings settings = this.settings;
		fingerprint.add("spring.liquibase.change-log", settings.changeLog());
		fingerprint.add("spring.liquibase.contexts", settings.contexts());
		fingerprint.add("spring.liquibase.label-filter", settings.labelFilter());
		fingerprint.add("spring.liquibase.default-schema", settings.defaultSchema());
		fingerprint.add("spring.liquibase.liquibase-schema", settings.liquibaseSchema());
		fingerprint.add("spring.liquibase.liquibase-tablespace", settings.liquibaseTablespace());
		fingerprint.add("spring.liquibase.database-change-log-table", settings.changeLogTable());
		fingerprint.add("spring.liquibase.database-change-log-lock-table", settings.lockTable());
		fingerprint.add("spring.liquibase.tag", settings.tag());
		fingerprint.add("spring.liquibase.test-rollback-on-update", String.valueOf(settings.testRollbackOnUpdate()));
		fingerprint.add("spring.liquibase.license-key", settings.licenseKey());
		new TreeMap<>(settings.parameters())
			.forEach((name, value) -> fingerprint.add("spring.liquibase.parameters." + name, value));
		fingerprint.add("Liquibase build", liquibaseVersion());
		fingerprint.add("starter version", starterVersion());
		liquibaseConfiguration().forEach(fingerprint::add);
		fingerprint.add("database product", connection.getMetaData().getDatabaseProductName());
		return fingerprint;
	}

	String liquibaseVersion() throws IOException {
		if (this.liquibaseVersion != null) {
			return this.liquibaseVersion;
		}
		// the loader of this starter's classes, which is Liquibase's: naming a Liquibase
		// class here would load it on a boot that skips Liquibase
		ClassLoader classLoader = FastPath.class.getClassLoader();
		URL build = (classLoader != null) ? classLoader.getResource("liquibase.build.properties") : null;
		if (build == null) {
			throw new IOException("liquibase.build.properties not found");
		}
		try (InputStream in = build.openStream()) {
			return Inputs.hex(Inputs.sha256().digest(in.readAllBytes()));
		}
	}

	private static String starterVersion() {
		String version = FastPath.class.getPackage().getImplementationVersion();
		return (version != null) ? version : "development";
	}

	private static Map<String, String> liquibaseConfiguration() {
		Map<String, String> configuration = new TreeMap<>();
		System.getProperties().forEach((name, value) -> {
			if (String.valueOf(name).toLowerCase(Locale.ROOT).startsWith("liquibase")) {
				configuration.put("property " + name, String.valueOf(value));
			}
		});
		System.getenv().forEach((name, value) -> {
			if (name.toUpperCase(Locale.ROOT).startsWith("LIQUIBASE")) {
				configuration.put("environment " + name, value);
			}
		});
		return configuration;
	}

}
