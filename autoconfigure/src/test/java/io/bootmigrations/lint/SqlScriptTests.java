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

package io.bootmigrations.lint;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.bootmigrations.lint.SqlScript.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SqlScript}.
 */
class SqlScriptTests {

	@Test
	void splitsStatementsAtTopLevelSemicolons() {
		List<Statement> statements = SqlScript.statements("create table a (id int); CREATE INDEX i ON a (id);");
		assertThat(statements).extracting(Statement::tokens)
			.containsExactly(List.of("CREATE", "TABLE", "A", "(", "ID", "INT", ")"),
					List.of("CREATE", "INDEX", "I", "ON", "A", "(", "ID", ")"));
	}

	@Test
	void skipsLineAndNestedBlockComments() {
		List<Statement> statements = SqlScript
			.statements("-- CREATE INDEX x ON a (id);\n/* outer /* CREATE INDEX y ON a (id); */ still comment */ "
					+ "SELECT 1");
		assertThat(statements).singleElement().extracting(Statement::tokens).isEqualTo(List.of("SELECT", "1"));
	}

	@Test
	void keepsStringLiteralsAndDollarQuotesOpaque() {
		List<Statement> statements = SqlScript.statements("INSERT INTO t VALUES ('a;CREATE INDEX i ON t(x)', "
				+ "E'it\\'s; ALTER TABLE t DROP COLUMN c', 'o''k;');"
				+ "CREATE FUNCTION f() RETURNS void AS $body$ ALTER TABLE t DROP COLUMN c; $body$ LANGUAGE sql");
		assertThat(statements).hasSize(2);
		assertThat(statements.get(0).tokens()).doesNotContain("INDEX", "DROP");
		assertThat(statements.get(1).tokens()).doesNotContain("DROP").endsWith("LANGUAGE", "SQL");
	}

	@Test
	void keepsTheCaseOfQuotedIdentifiers() {
		Statement statement = SqlScript.statements("ALTER TABLE \"Public\".\"Order\" DROP COLUMN x").get(0);
		assertThat(statement.tokens()).startsWith("ALTER", "TABLE", "Public", ".", "Order");
	}

}
