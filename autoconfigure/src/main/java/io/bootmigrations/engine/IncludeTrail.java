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

package io.bootmigrations.engine;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the last changelog files Liquibase looked up, so that a parse that recursed
 * until the stack overflowed (files that include each other) can name the circle.
 */
final class IncludeTrail implements ResourceAccessor {

	private static final int KEPT = 64;

	private final ResourceAccessor delegate;

	private final Deque<String> recent = new ArrayDeque<>();

	IncludeTrail(ResourceAccessor delegate) {
		this.delegate = delegate;
	}

	@Override
	public @Nullable List<Resource> getAll(String path) throws IOException {
		String lower = path.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xml") || lower.endsWith(".yaml") || lower.endsWith(".yml") || lower.endsWith(".json")
				|| lower.endsWith(".sql")) {
			String circle;
			String file = path.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
			synchronized (this.recent) {
				if (!file.equals(this.recent.peekLast())) {
					if (this.recent.size() == KEPT) {
						this.recent.removeFirst();
					}
					this.recent.addLast(file);
				}
				circle = repeatedCircle(new ArrayList<>(this.recent));
			}
			if (circle != null) {
				throw new CircularIncludeException(circle);
			}
		}
		return this.delegate.getAll(path);
	}

	@Override
	public List<Resource> search(String path, boolean recursive) throws IOException {
		return this.delegate.search(path, recursive);
	}

	@Override
	public List<String> describeLocations() {
		return this.delegate.describeLocations();
	}

	@Override
	public void close() throws Exception {
		this.delegate.close();
	}

	/**
	 * Forget the files looked up so far; called at the start of every session.
	 */
	void clear() {
		synchronized (this.recent) {
			this.recent.clear();
		}
	}

	/**
	 * The same files looked up in the same order three times in a row at the end of the
	 * trail: files that include each other, caught long before the stack overflows.
	 */
	private static @Nullable String repeatedCircle(List<String> files) {
		for (int length = 1; length * 3 <= files.size(); length++) {
			int end = files.size();
			List<String> unit = files.subList(end - length, end);
			if (unit.equals(files.subList(end - 2 * length, end - length))
					&& unit.equals(files.subList(end - 3 * length, end - 2 * length))) {
				// start the circle at the file the trail reached first (the master's
				// side)
				int first = 0;
				for (int i = 0; i < files.size(); i++) {
					if (unit.contains(files.get(i))) {
						first = unit.indexOf(files.get(i));
						break;
					}
				}
				List<String> chain = new ArrayList<>(unit.subList(first, length));
				chain.addAll(unit.subList(0, first));
				chain.add(chain.get(0));
				return String.join(" -> ", chain);
			}
		}
		return null;
	}

	/**
	 * The circle of includes at the end of the trail, such as {@code a.xml -> b.xml ->
	 * a.xml}, or {@code null} if the last file looked up was not looked up before.
	 * @return the circle
	 */
	@Nullable String circle() {
		List<String> files;
		synchronized (this.recent) {
			files = new ArrayList<>(this.recent);
		}
		if (files.isEmpty()) {
			return null;
		}
		String last = files.get(files.size() - 1);
		int previous = files.subList(0, files.size() - 1).lastIndexOf(last);
		if (previous < 0) {
			return null;
		}
		return String.join(" -> ", files.subList(previous, files.size()));
	}

	/**
	 * Changelog files that include each other.
	 */
	static final class CircularIncludeException extends RuntimeException {

		private final String circle;

		CircularIncludeException(String circle) {
			super("Circular include: " + circle);
			this.circle = circle;
		}

		String circle() {
			return this.circle;
		}

	}

}
