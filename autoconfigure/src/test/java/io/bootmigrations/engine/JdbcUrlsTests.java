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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link JdbcUrls}.
 */
class JdbcUrlsTests {

	@Test
	void removesUserInfo() {
		assertThat(JdbcUrls.sanitize("jdbc:postgresql://app:s3cret@db.example.com:5432/orders"))
			.isEqualTo("jdbc:postgresql://db.example.com:5432/orders");
	}

	@Test
	void masksSecretParameters() {
		assertThat(JdbcUrls.sanitize("jdbc:postgresql://db:5432/orders?user=app&password=s3cret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db:5432/orders?user=******&password=******&sslmode=require");
		assertThat(JdbcUrls.sanitize("jdbc:sqlserver://db:1433;databaseName=orders;password=s3cret"))
			.doesNotContain("s3cret")
			.contains("databaseName=orders");
	}

	@Test
	void keepsUrlsWithoutSecrets() {
		assertThat(JdbcUrls.sanitize("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
		assertThat(JdbcUrls.sanitize(null)).isNull();
	}

	@Test
	void scrubsSecretsFromText() {
		assertThat(JdbcUrls.scrub("Cannot connect to jdbc:mysql://root:hunter2@db/x with password=hunter2"))
			.doesNotContain("hunter2")
			.contains("jdbc:mysql://db/x");
		assertThat(JdbcUrls.scrub("Access denied for user 'app'@'10.0.0.1' (using password: YES)"))
			.endsWith("(using password: ******)");
	}

	@Test
	void masksPostgresPasswordParameterContainingSemicolonAndAmpersand() {
		assertThat(JdbcUrls.sanitize("jdbc:postgresql://db/orders?password=ab;7731Sekret&sslmode=require"))
			.isEqualTo("jdbc:postgresql://db/orders?password=******&sslmode=require");
		assertThat(JdbcUrls.sanitize("jdbc:postgresql://db/orders?sslmode=require&password=ab&cd;ef"))
			.isEqualTo("jdbc:postgresql://db/orders?sslmode=require&password=******");
	}

	@Test
	void masksUserInfoWithSemicolonAndAt() {
		assertThat(JdbcUrls.sanitize("jdbc:postgresql://app:p;a@ss@db:5432/orders"))
			.isEqualTo("jdbc:postgresql://db:5432/orders");
	}

	@Test
	void masksMariaDbAndMySqlForms() {
		assertThat(JdbcUrls.sanitize("jdbc:mariadb://db:3306/orders?user=app&password=x;y;z"))
			.isEqualTo("jdbc:mariadb://db:3306/orders?user=******&password=******");
		assertThat(JdbcUrls.sanitize("jdbc:mysql://(host=db,port=3306,user=app,password=x;y)/orders"))
			.isEqualTo("jdbc:mysql://(host=db,port=3306,user=******,password=******)/orders");
	}

	@Test
	void masksH2Password() {
		assertThat(JdbcUrls.sanitize("jdbc:h2:mem:test;USER=sa;PASSWORD=x;y&z;MODE=PostgreSQL"))
			.isEqualTo("jdbc:h2:mem:test;USER=******;PASSWORD=******;MODE=PostgreSQL");
	}

	@Test
	void masksSqlServerPasswordIncludingBracedValues() {
		assertThat(JdbcUrls.sanitize("jdbc:sqlserver://db:1433;databaseName=orders;password=a;b;encrypt=true"))
			.isEqualTo("jdbc:sqlserver://db:1433;databaseName=orders;password=******;encrypt=true");
		assertThat(JdbcUrls.sanitize("jdbc:sqlserver://db:1433;password={a;b=c};databaseName=orders"))
			.isEqualTo("jdbc:sqlserver://db:1433;password=******;databaseName=orders");
	}

	@Test
	void scrubsPasswordContainingSemicolonFromText() {
		assertThat(JdbcUrls.scrub("connect failed: password=ab;7731Sekret&sslmode=require"))
			.doesNotContain("7731Sekret")
			.contains("sslmode=require");
	}

}
