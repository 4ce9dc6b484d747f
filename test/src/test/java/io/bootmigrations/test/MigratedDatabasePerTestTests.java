package io.bootmigrations.test;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigratedDatabase#perTest()}: each test writes the same row, which only
 * works if each gets a database of its own.
 */
class MigratedDatabasePerTestTests {

	@RegisterExtension
	static final MigratedDatabase database = TestServer.migrated("classpath:db/library/changelog.xml").perTest();

	@Test
	void firstTestWritesARow(DataSource dataSource) {
		insertTheSameAuthor(dataSource);
	}

	@Test
	void secondTestWritesTheSameRowInAFreshDatabase(DataSource dataSource) {
		insertTheSameAuthor(dataSource);
	}

	private static void insertTheSameAuthor(DataSource dataSource) {
		JdbcTemplate jdbc = new JdbcTemplate(dataSource);
		jdbc.update("INSERT INTO author (id, name) VALUES (2, 'Octavia')");
		assertThat(jdbc.queryForObject("SELECT count(*) FROM author", Integer.class)).isEqualTo(2);
	}

}
