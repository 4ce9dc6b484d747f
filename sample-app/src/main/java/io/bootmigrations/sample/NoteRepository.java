package io.bootmigrations.sample;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Notes, stored with {@link JdbcClient} in the schema the changelog creates.
 */
@Repository
public class NoteRepository {

	private final JdbcClient jdbc;

	public NoteRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Note> findAll() {
		return this.jdbc.sql("SELECT id, title, body, pinned, created_at FROM note ORDER BY pinned DESC, id")
			.query(Note.class)
			.list();
	}

	public Optional<Note> findById(long id) {
		return this.jdbc.sql("SELECT id, title, body, pinned, created_at FROM note WHERE id = :id")
			.param("id", id)
			.query(Note.class)
			.optional();
	}

	public Note create(String title, String body, boolean pinned) {
		Instant now = Instant.now();
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("INSERT INTO note (title, body, pinned, created_at) VALUES (:title, :body, :pinned, :createdAt)")
			.param("title", title)
			.param("body", body)
			.param("pinned", pinned)
			.param("createdAt", Timestamp.from(now))
			.update(keys, "id");
		return new Note(keys.getKey().longValue(), title, body, pinned, now);
	}

	public long count() {
		return this.jdbc.sql("SELECT count(*) FROM note").query(Long.class).single();
	}

}
