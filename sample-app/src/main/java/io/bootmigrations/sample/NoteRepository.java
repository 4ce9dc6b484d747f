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
