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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The tags API, on JPA: {@code GET /tags}, {@code POST /tags}.
 */
@RestController
@RequestMapping("/tags")
public class TagController {

	private final TagRepository tags;

	public TagController(TagRepository tags) {
		this.tags = tags;
	}

	@GetMapping
	public List<String> list() {
		return this.tags.findAll().stream().map(Tag::getName).sorted().toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	public String create(@RequestBody String name) {
		String trimmed = name.strip();
		if (trimmed.isEmpty() || trimmed.length() > 50) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A tag needs a name of 1 to 50 characters");
		}
		return this.tags.findByName(trimmed).orElseGet(() -> this.tags.save(new Tag(trimmed))).getName();
	}

}
