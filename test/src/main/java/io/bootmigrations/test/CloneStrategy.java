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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * How PostgreSQL 15 and later copies a template database in {@code CREATE DATABASE …
 * TEMPLATE … STRATEGY}.
 */
public enum CloneStrategy {

	/**
	 * Copy block by block through the write-ahead log: PostgreSQL's default, no
	 * checkpoint, better for large templates.
	 */
	WAL_LOG,

	/**
	 * Copy the files after a checkpoint: faster for small templates, the only strategy
	 * before PostgreSQL 15.
	 */
	FILE_COPY;

	static @Nullable CloneStrategy fromProperty(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Unknown clone strategy '" + value + "' in -D"
					+ MigratedDatabase.STRATEGY_PROPERTY + ": use WAL_LOG or FILE_COPY", ex);
		}
	}

}
