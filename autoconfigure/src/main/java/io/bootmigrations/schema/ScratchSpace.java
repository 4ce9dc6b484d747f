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

package io.bootmigrations.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.jdbc.datasource.AbstractDriverBasedDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Temporary PostgreSQL databases on the server of a given data source, for work that must
 * never touch the application's schema: replaying the changelog for the drift check, the
 * rollback verification, or a test's freshly migrated database.
 * <p>
 * Each database is named {@value #PREFIX}{@code <epoch seconds>_<random>} and dropped
 * when its {@link ScratchDatabase} is closed, or by a shutdown hook when the JVM is
 * stopped while it is in use. A JVM killed outright leaves its database behind;
 * {@link #dropLeftovers(Duration)}, run before each new scratch database, drops those
 * older than a minute that nobody is connected to.
 */
public final class ScratchSpace {

	/** The prefix of every scratch database's name. */
	public static final String PREFIX = "bm_scratch_";

	private static final Log logger = LogFactory.getLog(ScratchSpace.class);

	private static final Pattern DATABASE_IN_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?;]*)(.*)$");

	private static final Duration LEFTOVER_AGE = Duration.ofMinutes(1);

	private final DataSource server;

	private final String setting;

	/**
	 * Scratch space on the server of the given data source, whose user may create
	 * databases.
	 * @param server a data source connecting to any database of the server
	 * @param setting the setting to name when the user may not create databases, for
	 * instance {@code migrations.scratch.url}
	 */
	public ScratchSpace(DataSource server, String setting) {
		this.server = server;
		this.setting = setting;
	}

	/**
	 * Create a new, empty scratch database, after dropping leftovers of killed runs.
	 * @return the database, to be closed when done
	 */
	public ScratchDatabase create() {
		return create(null);
	}

	/**
	 * Create a new scratch database, a copy of the given template, after dropping
	 * leftovers of killed runs.
	 * @param template the template database, or {@code null} for an empty database
	 * @return the database, to be closed when done
	 */
	public ScratchDatabase create(@Nullable String template) {
		dropLeftovers(LEFTOVER_AGE);
		String name = PREFIX + Instant.now().getEpochSecond() + "_"
				+ UUID.randomUUID().toString().replace("-", "").substring(0, 8);
		return createDatabase(name, template);
	}

	/**
	 * Create a database of the given name on the server, optionally as a copy of a
	 * template, dropped when the returned handle is closed (or the JVM stops).
	 * @param name the database name
	 * @param template the template database, or {@code null} for an empty database
	 * @return the database
	 */
	public ScratchDatabase createDatabase(String name, @Nullable String template) {
		return createDatabase(name, template, null);
	}

	/**
	 * Create a database of the given name on the server, optionally as a copy of a
	 * template made with the given strategy (PostgreSQL 15+: {@code WAL_LOG}, the
	 * default, or {@code FILE_COPY}), dropped when the returned handle is closed (or the
	 * JVM stops).
	 * @param name the database name
	 * @param template the template database, or {@code null} for an empty database
	 * @param strategy the strategy, or {@code null} for the server's default
	 * @return the database
	 */
	public ScratchDatabase createDatabase(String name, @Nullable String template, @Nullable String strategy) {
		String sql = "CREATE DATABASE " + SchemaSnapshot.quote(name)
				+ ((template != null) ? " TEMPLATE " + SchemaSnapshot.quote(template) : "")
				+ ((strategy != null) ? " STRATEGY " + strategy : "");
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			requirePostgres(connection);
			String url = scratchUrl(connection, name);
			DataSource dataSource = dataSource(url);
			statement.execute(sql);
			return new ScratchDatabase(this, name, dataSource, url);
		}
		catch (SQLException ex) {
			if ("42501".equals(ex.getSQLState())) {
				throw new IllegalStateException("Cannot create the scratch database " + name + ": the database user "
						+ "lacks the CREATEDB privilege. Grant it (ALTER ROLE <user> CREATEDB), or set " + this.setting
						+ " to a PostgreSQL server where the user may create databases.", ex);
			}
			throw new IllegalStateException("Cannot create the scratch database " + name + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Drop the scratch databases of runs that were killed: older than the given age and
	 * without connections.
	 * @param age how old a scratch database must be to count as a leftover
	 * @return the names of the databases dropped
	 */
	public List<String> dropLeftovers(Duration age) {
		List<String> dropped = new ArrayList<>();
		long cutoff = Instant.now().minus(age).getEpochSecond();
		try (Connection connection = this.server.getConnection();
				PreparedStatement query = connection.prepareStatement("SELECT datname FROM pg_database d WHERE datname "
						+ "LIKE 'bm\\_scratch\\_%' AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE "
						+ "a.datid = d.oid)")) {
			List<String> candidates = new ArrayList<>();
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					candidates.add(rs.getString(1));
				}
			}
			for (String name : candidates) {
				if (createdAt(name) < cutoff) {
					try (Statement drop = connection.createStatement()) {
						drop.execute("DROP DATABASE IF EXISTS " + SchemaSnapshot.quote(name));
						dropped.add(name);
						logger.info("Dropped the scratch database " + name + " left behind by a killed run");
					}
					catch (SQLException ex) {
						logger.debug("Could not drop the leftover scratch database " + name, ex);
					}
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not look for leftover scratch databases", ex);
		}
		return dropped;
	}

	void drop(String name) {
		try (Connection connection = this.server.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + SchemaSnapshot.quote(name) + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			logger.warn("Could not drop the scratch database " + name + " (drop it by hand): " + ex.getMessage());
		}
	}

	private static long createdAt(String name) {
		String rest = name.substring(PREFIX.length());
		int end = rest.indexOf('_');
		try {
			return Long.parseLong((end > 0) ? rest.substring(0, end) : rest);
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	private String scratchUrl(Connection connection, String database) throws SQLException {
		Matcher matcher = DATABASE_IN_URL.matcher(connection.getMetaData().getURL());
		if (!matcher.matches()) {
			throw new IllegalStateException("Cannot derive the scratch database's URL from the server's URL; set "
					+ this.setting + " to a jdbc:postgresql://host:port/database URL.");
		}
		return matcher.group(1) + database + matcher.group(3);
	}

	private DataSource dataSource(String scratchUrl) {
		if (this.server instanceof AbstractDriverBasedDataSource driverBased) {
			return new DriverManagerDataSource(scratchUrl, driverBased.getUsername(), driverBased.getPassword());
		}
		try {
			return DataSourceBuilder.derivedFrom(this.server)
				.type(SimpleDriverDataSource.class)
				.url(scratchUrl)
				.build();
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException("Cannot connect to a scratch database with the credentials of a "
					+ this.server.getClass().getName() + "; set " + this.setting + " (and its username and password).",
					ex);
		}
	}

	private void requirePostgres(Connection connection) throws SQLException {
		String product = connection.getMetaData().getDatabaseProductName();
		if (DatabaseDriver.fromProductName(product) != DatabaseDriver.POSTGRESQL) {
			throw new IllegalStateException("Scratch databases need PostgreSQL, but the server is " + product
					+ ": drift and verify-rollbacks support PostgreSQL only (" + this.setting + " may point to a "
					+ "PostgreSQL server for the scratch databases, but the schema compared must be PostgreSQL too).");
		}
	}

}
