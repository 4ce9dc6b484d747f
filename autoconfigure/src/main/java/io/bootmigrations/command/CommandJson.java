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

package io.bootmigrations.command;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.ValueProcessor;

import io.bootmigrations.status.RecordFields;

/**
 * Writes a command's result as JSON with Spring Boot's {@link JsonWriter}, which needs no
 * JSON library on the application's class path. Records (the
 * {@link io.bootmigrations.status.StatusDocument status document}) are written as objects
 * of their components, in declaration order, as the actuator endpoint's Jackson writes
 * them, so both print the same field names.
 */
final class CommandJson {

	private static final JsonWriter<Object> WRITER = JsonWriter.of((members) -> {
		members.add();
		members.applyingValueProcessor(ValueProcessor.of(CommandJson::jsonValue));
	});

	private CommandJson() {
	}

	static String write(Object value) {
		return WRITER.writeToString(value);
	}

	/**
	 * The fields of a record, by name, for results that add to a document.
	 * @param record the record
	 * @return its components, in declaration order
	 */
	static Map<String, @Nullable Object> fields(Record record) {
		return RecordFields.of(record);
	}

	private static @Nullable Object jsonValue(@Nullable Object value) {
		if (value instanceof Record record) {
			return fields(record);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return value;
	}

}
