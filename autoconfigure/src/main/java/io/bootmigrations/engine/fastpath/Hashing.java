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

import org.jspecify.annotations.Nullable;

/**
 * Feeds values into a digest so that no two different sequences of values give the same
 * bytes: every value is length-prefixed, and {@code null} differs from every string.
 */
final class Hashing {

	private Hashing() {
	}

	static void update(MessageDigest digest, @Nullable String... values) {
		for (@Nullable
		String value : values) {
			if (value == null) {
				digest.update((byte) 0);
				continue;
			}
			byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
			digest.update((byte) 1);
			digest.update(new byte[] { (byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16),
					(byte) (bytes.length >>> 8), (byte) bytes.length });
			digest.update(bytes);
		}
	}

}
