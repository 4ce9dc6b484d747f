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

package io.bootmigrations.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import liquibase.ChecksumVersion;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.resource.ResourceAccessor;
import liquibase.util.LiquibaseUtil;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.schema.ScratchDatabase;
import io.bootmigrations.schema.ScratchSpace;

/**
 * Template databases, one per changelog fingerprint: the changelog is migrated once into
 * {@code bm_template_<fingerprint>}, which every later run on the same server reuses
 * until a changeset, a setting or the Liquibase version changes.
 */
final class TemplateDatabases {

	static final String PREFIX = "bm_template_";

	private static final Map<String, String> fingerprints = new ConcurrentHashMap<>();

	private TemplateDatabases() {
	}

	/**
	 * The template database for the changelog, migrated now if there is none yet.
	 * @return its name
	 */
	static synchronized String template(ScratchSpace space, DataSource server, MigrationSettings settings,
			ResourceAccessor accessor) {
		String name = PREFIX
				+ fingerprints.computeIfAbsent(settings.toString(), (key) -> fingerprint(settings, accessor));
		if (exists(server, name)) {
			return name;
		}
		try (ScratchDatabase building = space.create()) {
			new MigrationEngine(building.dataSource(), settings, accessor, List.of()).migrate();
			try (Connection connection = server.getConnection(); Statement statement = connection.createStatement()) {
				statement.execute("ALTER DATABASE \"" + building.name() + "\" RENAME TO \"" + name + "\"");
			}
			catch (SQLException ex) {
				// another JVM published the same template first: keep theirs, drop ours
				if (!"42P04".equals(ex.getSQLState())) {
					throw new IllegalStateException(
							"Cannot publish the template database " + name + ": " + ex.getMessage(), ex);
				}
			}
		}
		return name;
	}

	/**
	 * A hash of every changeset (file, id, author, checksum), the settings and the
	 * Liquibase version.
	 */
	static String fingerprint(MigrationSettings settings, ResourceAccessor accessor) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			update(digest, settings.toString());
			update(digest, LiquibaseUtil.getBuildVersion());
			Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor), () -> {
				ChangeLogParameters parameters = new ChangeLogParameters();
				settings.parameters().forEach(parameters::set);
				DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
					.getParser(settings.changeLog(), accessor)
					.parse(settings.changeLog(), parameters, accessor);
				for (ChangeSet changeSet : changeLog.getChangeSets()) {
					update(digest, changeSet.toString(false));
					update(digest, changeSet.generateCheckSum(ChecksumVersion.latest()).toString());
				}
			});
			return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"Cannot read the changelog " + settings.changeLog() + ": " + ex.getMessage(), ex);
		}
	}

	private static void update(MessageDigest digest, String value) {
		digest.update(value.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
	}

	private static boolean exists(DataSource server, String name) {
		try (Connection connection = server.getConnection();
				PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			query.setString(1, name);
			try (ResultSet rs = query.executeQuery()) {
				return rs.next();
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot look for the template database " + name + ": " + ex.getMessage(),
					ex);
		}
	}

}
