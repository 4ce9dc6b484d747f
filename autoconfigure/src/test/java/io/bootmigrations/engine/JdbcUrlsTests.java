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

}
