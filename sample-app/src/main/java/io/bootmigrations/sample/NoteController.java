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

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The notes API: {@code GET /notes}, {@code GET /notes/{id}}, {@code POST /notes}.
 */
@RestController
@RequestMapping("/notes")
public class NoteController {

	private final NoteRepository notes;

	public NoteController(NoteRepository notes) {
		this.notes = notes;
	}

	@GetMapping
	public List<Note> list() {
		return this.notes.findAll();
	}

	@GetMapping("/{id}")
	public Note get(@PathVariable long id) {
		return this.notes.findById(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No note " + id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public Note create(@RequestBody NewNote note) {
		if (note.title() == null || note.title().isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A note needs a title");
		}
		return this.notes.create(note.title(), (note.body() != null) ? note.body() : "",
				Boolean.TRUE.equals(note.pinned()));
	}

	/**
	 * A note to create.
	 *
	 * @param title the title
	 * @param body the text
	 * @param pinned whether to pin it
	 */
	public record NewNote(String title, String body, Boolean pinned) {

	}

}
