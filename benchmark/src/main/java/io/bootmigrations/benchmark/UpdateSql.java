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

package io.bootmigrations.benchmark;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Writes Liquibase's own {@code update-sql} output for a changelog against an empty
 * database: the plain SQL that the first-apply comparison feeds to {@code psql -f}.
 * Arguments: JDBC URL, changelog path on the class path, output file.
 */
public final class UpdateSql {

	private UpdateSql() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("liquibase.analytics.enabled", "false");
		try (Connection connection = DriverManager.getConnection(args[0]);
				Writer out = Files.newBufferedWriter(Path.of(args[2]), StandardCharsets.UTF_8)) {
			Liquibase liquibase = new Liquibase(args[1], new ClassLoaderResourceAccessor(),
					new JdbcConnection(connection));
			liquibase.updateSql(new Contexts(), new LabelExpression(), out);
		}
	}

}
