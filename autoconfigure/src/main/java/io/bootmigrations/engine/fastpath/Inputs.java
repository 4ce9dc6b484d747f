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

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.fastpath.RecordingResourceAccessor.Recording;

/**
 * The inputs of one run, as a list of questions whose answers decide what Liquibase
 * reads: a lookup of a path, a listing of a folder ({@code includeAll}), the content of a
 * file that was read, the absence of a file that was missing, the value of a changelog
 * parameter. Stored as text (one question a line) with the fingerprint; on the next boot
 * every question is asked again and the answers hashed.
 */
final class Inputs {

	private static final String LOOKUP = "lookup";

	private static final String SEARCH = "search";

	private static final String SEARCH_RECURSIVE = "search-recursive";

	private static final String READ = "read";

	private static final String MISSING = "missing";

	private static final String PARAMETER = "parameter";

	private static final String ABSENT = "<absent>";

	private final List<String> questions;

	private Inputs(List<String> questions) {
		this.questions = List.copyOf(questions);
	}

	/**
	 * The inputs a run read, or {@code null} if the recording cannot describe the run.
	 * @param recording what the run read
	 * @return the inputs, or {@code null}
	 */
	static @Nullable Inputs of(Recording recording) {
		if (recording.inconsistency() != null || !recording.unfinished().isEmpty()) {
			return null;
		}
		List<String> questions = new ArrayList<>(recording.lookups().keySet());
		new TreeSet<>(recording.digests().keySet().stream().map(URI::toString).toList())
			.forEach((uri) -> questions.add(READ + "\t" + uri));
		new TreeSet<>(recording.missing().stream().map(URI::toString).toList())
			.forEach((uri) -> questions.add(MISSING + "\t" + uri));
		new TreeSet<>(recording.parameters()).forEach((name) -> questions.add(PARAMETER + "\t" + name));
		for (String question : questions) {
			if (question.indexOf('\n') >= 0 || question.indexOf('\r') >= 0) {
				return null;
			}
		}
		return new Inputs(questions);
	}

	/**
	 * Why a recording cannot describe its run.
	 * @param recording what the run read
	 * @return the reason
	 */
	static String obstacle(Recording recording) {
		if (recording.inconsistency() != null) {
			return recording.inconsistency();
		}
		if (!recording.unfinished().isEmpty()) {
			return "files opened but not read: " + recording.unfinished();
		}
		return "a path with a line break";
	}

	/**
	 * The inputs among the names of a stored {@link Fingerprint}.
	 * @param stored the stored fingerprint text
	 * @return the inputs
	 */
	static Inputs parse(String stored) {
		List<String> questions = new ArrayList<>();
		for (String name : Fingerprint.names(stored).keySet()) {
			if (List.of(LOOKUP, SEARCH, SEARCH_RECURSIVE, READ, MISSING, PARAMETER).contains(kind(name))) {
				questions.add(name);
			}
		}
		return new Inputs(questions);
	}

	/**
	 * What decides the answers: the questions and the configured parameters. Two stored
	 * fingerprints with the same key get the same answers, so a batch answers them once.
	 * @param parameters the configured changelog parameters
	 * @return the key
	 */
	String key(Map<String, String> parameters) {
		return String.join("\n", this.questions) + "\n" + new TreeMap<>(parameters);
	}

	int size() {
		return this.questions.size();
	}

	/**
	 * Answer every question with what the run recorded, into the fingerprint.
	 * @param recording what the run read
	 * @param parameters the configured changelog parameters
	 * @param fingerprint where the answers go
	 */
	void answerFromRecording(Recording recording, Map<String, String> parameters, Fingerprint fingerprint) {
		Map<String, String> lookups = recording.lookups();
		Map<URI, String> digests = recording.digests();
		for (String question : this.questions) {
			String answer;
			String subject = subject(question);
			switch (kind(question)) {
				case LOOKUP, SEARCH, SEARCH_RECURSIVE -> answer = lookups.get(question);
				case READ -> answer = digests.get(URI.create(subject));
				case MISSING -> answer = ABSENT;
				case PARAMETER -> answer = parameter(subject, parameters);
				default -> throw new IllegalStateException("Unknown input " + question);
			}
			fingerprint.add(question, String.valueOf(answer));
		}
	}

	/**
	 * Answer every question again, now, into the fingerprint: reads every file the last
	 * run read and lists every folder it listed. Answered one after the other on the
	 * calling thread, the thread that runs Liquibase: a lookup may depend on the thread's
	 * context class loader (Spring's resource loaders use it when they have none of their
	 * own), and on another thread (a pool's, whose loader under Boot's launchers sees
	 * neither {@code BOOT-INF/} nor {@code loader.path}) it would answer differently.
	 * @param accessor the accessor Liquibase reads through
	 * @param parameters the configured changelog parameters
	 * @param fingerprint where the answers go
	 * @throws IOException if a lookup fails
	 */
	void answerNow(ResourceAccessor accessor, Map<String, String> parameters, Fingerprint fingerprint)
			throws IOException {
		for (String question : this.questions) {
			fingerprint.add(question, answer(question, accessor, parameters));
		}
	}

	private static String answer(String question, ResourceAccessor accessor, Map<String, String> parameters)
			throws IOException {
		String subject = subject(question);
		return switch (kind(question)) {
			case LOOKUP -> uris(accessor.getAll(subject));
			case SEARCH -> paths(accessor.search(subject, false));
			case SEARCH_RECURSIVE -> paths(accessor.search(subject, true));
			case READ -> contentDigest(URI.create(subject));
			case MISSING -> contentDigest(URI.create(subject)).equals(ABSENT) ? ABSENT : "<present>";
			case PARAMETER -> parameter(subject, parameters);
			default -> throw new IOException("Unknown input " + question);
		};
	}

	static String lookup(String path) {
		return LOOKUP + "\t" + path;
	}

	static String search(String path, boolean recursive) {
		return (recursive ? SEARCH_RECURSIVE : SEARCH) + "\t" + path;
	}

	static String uris(@Nullable List<Resource> resources) {
		if (resources == null || resources.isEmpty()) {
			return ABSENT;
		}
		StringBuilder answer = new StringBuilder();
		resources.forEach((resource) -> answer.append(resource.getUri()).append('|'));
		return answer.toString();
	}

	static String paths(@Nullable List<Resource> resources) {
		if (resources == null || resources.isEmpty()) {
			return ABSENT;
		}
		StringBuilder answer = new StringBuilder();
		resources
			.forEach((resource) -> answer.append(resource.getPath()).append('=').append(resource.getUri()).append('|'));
		return answer.toString();
	}

	private static String parameter(String name, Map<String, String> parameters) {
		return "configured=" + parameters.get(name) + ";system=" + System.getProperty(name) + ";environment="
				+ System.getenv(name);
	}

	private static String contentDigest(URI uri) {
		MessageDigest digest = sha256();
		try (InputStream in = uri.toURL().openStream()) {
			byte[] buffer = new byte[8192];
			int read;
			while ((read = in.read(buffer)) >= 0) {
				digest.update(buffer, 0, read);
			}
			return hex(digest.digest());
		}
		catch (IOException | IllegalArgumentException ex) {
			return ABSENT;
		}
	}

	private static String kind(String question) {
		int tab = question.indexOf('\t');
		return (tab > 0) ? question.substring(0, tab) : question;
	}

	private static String subject(String question) {
		int tab = question.indexOf('\t');
		return (tab > 0) ? question.substring(tab + 1) : "";
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
