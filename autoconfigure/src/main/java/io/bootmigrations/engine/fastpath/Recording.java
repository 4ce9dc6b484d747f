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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * What one run of Liquibase read through a {@link RecordingResourceAccessor}: every
 * lookup and listing with its answer, the digest of every file read, the files found
 * missing, the changelog parameters the files reference, and whether the record is
 * consistent.
 */
final class Recording {

	private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}\\s]{1,200})}");

	private final Map<String, String> lookups = new LinkedHashMap<>();

	private final Map<URI, String> digests = new LinkedHashMap<>();

	private final Set<URI> missing = new LinkedHashSet<>();

	private final Set<URI> opened = new LinkedHashSet<>();

	private final Set<String> parameters = new LinkedHashSet<>();

	private volatile @Nullable String inconsistency;

	/**
	 * Lookups and listings, each with what it found.
	 * @return the lookups
	 */
	synchronized Map<String, String> lookups() {
		return new LinkedHashMap<>(this.lookups);
	}

	/**
	 * The files read, each with the digest of its content.
	 * @return the digests
	 */
	synchronized Map<URI, String> digests() {
		return new LinkedHashMap<>(this.digests);
	}

	/**
	 * Files that Liquibase found missing (optional includes or property files).
	 * @return the missing files
	 */
	synchronized Set<URI> missing() {
		return new LinkedHashSet<>(this.missing);
	}

	/**
	 * Names of the changelog parameters the files reference.
	 * @return the parameter names
	 */
	synchronized Set<String> parameters() {
		return new LinkedHashSet<>(this.parameters);
	}

	/**
	 * Why this recording cannot describe the run, if it cannot: a file that read
	 * differently twice in one run, or a file that could not be digested.
	 * @return the reason, or {@code null}
	 */
	@Nullable String inconsistency() {
		return this.inconsistency;
	}

	synchronized void looked(String question, String answer) {
		String previous = this.lookups.putIfAbsent(question, answer);
		if (previous != null && !previous.equals(answer)) {
			this.inconsistency = question + " answered differently within one run";
		}
	}

	synchronized void read(URI uri, String digest, byte[] content) {
		String previous = this.digests.putIfAbsent(uri, digest);
		if (previous != null && !previous.equals(digest)) {
			this.inconsistency = uri + " changed while it was read";
		}
		Matcher matcher = PARAMETER.matcher(new String(content, StandardCharsets.UTF_8));
		while (matcher.find()) {
			String name = matcher.group(1);
			this.parameters.add(name);
			int colon = name.indexOf(':');
			if (colon > 0) {
				this.parameters.add(name.substring(0, colon));
			}
		}
	}

	/**
	 * Files that were opened but never read to the end and closed.
	 * @return the files, normally none
	 */
	synchronized Set<URI> unfinished() {
		Set<URI> unfinished = new LinkedHashSet<>(this.opened);
		unfinished.removeAll(this.digests.keySet());
		return unfinished;
	}

	synchronized void opened(URI uri) {
		this.opened.add(uri);
	}

	synchronized void missing(URI uri) {
		this.missing.add(uri);
	}

	void inconsistent(String reason) {
		this.inconsistency = reason;
	}

}
