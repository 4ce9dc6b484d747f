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

package io.bootmigrations.engine.fastpath;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Everything that decides what Liquibase does, as named values in a fixed order
 * (settings, versions, every input of the last run, the {@code DATABASECHANGELOG} rows):
 * their digest is the fingerprint. It is stored with a short digest of each value, so
 * that a boot whose fingerprint differs can say which input differed.
 */
final class Fingerprint {

	private final List<String> names = new ArrayList<>();

	private final List<@Nullable String> values = new ArrayList<>();

	/**
	 * Add a named value.
	 * @param name what the value is (a setting, or an input's question)
	 * @param value the value
	 */
	void add(String name, @Nullable String value) {
		this.names.add(name);
		this.values.add(value);
	}

	/**
	 * Add every named value of another fingerprint, in its order.
	 * @param other the values to add
	 */
	void addAll(Fingerprint other) {
		this.names.addAll(other.names);
		this.values.addAll(other.values);
	}

	/**
	 * The fingerprint: a digest of every name and value, in order.
	 * @return the fingerprint, hex encoded
	 */
	String value() {
		MessageDigest digest = Inputs.sha256();
		for (int i = 0; i < this.names.size(); i++) {
			Hashing.update(digest, this.names.get(i), this.values.get(i));
		}
		return Inputs.hex(digest.digest());
	}

	/**
	 * The names with a short digest of each value, one a line, for storage.
	 * @return the text
	 */
	String text() {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < this.names.size(); i++) {
			if (i > 0) {
				text.append('\n');
			}
			text.append(this.names.get(i)).append('\t').append(shortDigest(this.values.get(i)));
		}
		return text.toString();
	}

	/**
	 * The name of the first value that differs from the stored text, for a log line.
	 * @param stored the text stored by {@link #text()} with the last fingerprint
	 * @return the name of what differed
	 */
	String firstDifference(String stored) {
		Map<String, String> before = names(stored);
		for (int i = 0; i < this.names.size(); i++) {
			String name = this.names.get(i);
			String previous = before.remove(name);
			if (previous == null) {
				return "new input: " + name;
			}
			if (!previous.equals(shortDigest(this.values.get(i)))) {
				return name;
			}
		}
		return before.isEmpty() ? "the order of the inputs" : "input gone: " + before.keySet().iterator().next();
	}

	/**
	 * The names in a stored text, each with its short digest.
	 * @param stored the text stored by {@link #text()}
	 * @return the short digest by name, in order
	 */
	static Map<String, String> names(String stored) {
		Map<String, String> names = new LinkedHashMap<>();
		if (stored.isEmpty()) {
			return names;
		}
		for (String line : stored.split("\n")) {
			int tab = line.lastIndexOf('\t');
			names.put((tab >= 0) ? line.substring(0, tab) : line, (tab >= 0) ? line.substring(tab + 1) : "");
		}
		return names;
	}

	private static String shortDigest(@Nullable String value) {
		if (value == null) {
			return "-";
		}
		return Inputs.hex(Inputs.sha256().digest(value.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
	}

}
