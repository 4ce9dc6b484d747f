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

package io.bootmigrations.status;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The components of a record by name, in declaration order: how the endpoint's Jackson
 * and the command line's JSON writer both see a {@link StatusDocument}, for responses
 * that add fields to one (the {@code targets} section of {@code /actuator/migrations}).
 */
public final class RecordFields {

	private RecordFields() {
	}

	/**
	 * The fields of a record.
	 * @param record the record
	 * @return its components by name, in declaration order
	 */
	public static Map<String, @Nullable Object> of(Record record) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			ReflectionUtils.makeAccessible(component.getAccessor());
			fields.put(component.getName(), ReflectionUtils.invokeMethod(component.getAccessor(), record));
		}
		return fields;
	}

}
