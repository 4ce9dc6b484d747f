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
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * The inputs of one run, as a list of questions whose answers decide what Liquibase
 * reads: a lookup of a path, a listing of a folder ({@code includeAll}), the content of a
 * file that was read, the absence of a file that was missing, the value of a changelog
 * parameter. Stored as text (one question a line) with the fingerprint; on the next boot
 * every question is asked again and the answers hashed.
 */
final class Inputs {

	private static final String LOOKUP = "lookup";

	/**
	 * A lookup that {@link ClassPathLookups} answered differently from Liquibase's
	 * accessor when it was recorded: asked through the accessor again.
	 */
	private static final String LOOKUP_THROUGH_ACCESSOR = "lookup-through-accessor";

	private static final String SEARCH = "search";

	private static final String SEARCH_RECURSIVE = "search-recursive";

	private static final String READ = "read";

	private static final String MISSING = "missing";

	private static final String PARAMETER = "parameter";

	static final String ABSENT = "<absent>";

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
			if (List.of(LOOKUP, LOOKUP_THROUGH_ACCESSOR, SEARCH, SEARCH_RECURSIVE, READ, MISSING, PARAMETER)
				.contains(kind(name))) {
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
				case LOOKUP_THROUGH_ACCESSOR -> answer = lookups.get(lookup(subject));
				case READ -> answer = digests.get(URI.create(subject));
				case MISSING -> answer = ABSENT;
				case PARAMETER -> answer = parameter(subject, parameters);
				default -> throw new IllegalStateException("Unknown input " + question);
			}
			fingerprint.add(question, String.valueOf(answer));
		}
	}

	/**
	 * The same inputs, with every lookup that {@code lookups} answers differently from
	 * what the run recorded (Liquibase's accessor's answer) marked to be asked through
	 * the accessor on the next boot.
	 * @param recording what the run read
	 * @param lookups the answers without Liquibase
	 * @return the inputs
	 * @throws IOException if a lookup fails
	 */
	Inputs checkedAgainst(Recording recording, Lookups lookups) throws IOException {
		Map<String, String> recorded = recording.lookups();
		List<String> checked = new ArrayList<>(this.questions.size());
		for (String question : this.questions) {
			boolean same = !LOOKUP.equals(kind(question))
					|| lookups.lookup(subject(question)).equals(recorded.get(question));
			checked.add(same ? question : LOOKUP_THROUGH_ACCESSOR + "\t" + subject(question));
		}
		return new Inputs(checked);
	}

	/**
	 * The questions, one a line.
	 * @return the questions
	 */
	List<String> questions() {
		return this.questions;
	}

	/**
	 * Answer every question again, now, into the fingerprint: reads every file the last
	 * run read and lists every folder it listed. Answered one after the other on the
	 * calling thread, the thread that runs Liquibase: a lookup may depend on the thread's
	 * context class loader (Spring's resource loaders use it when they have none of their
	 * own), and on another thread (a pool's, whose loader under Boot's launchers sees
	 * neither {@code BOOT-INF/} nor {@code loader.path}) it would answer differently.
	 * @param lookups answers lookups
	 * @param accessor answers what only Liquibase's accessor answers: folder listings and
	 * lookups marked by {@link #checkedAgainst}
	 * @param parameters the configured changelog parameters
	 * @param fingerprint where the answers go
	 * @throws IOException if a lookup fails
	 */
	void answerNow(Lookups lookups, Lookups accessor, Map<String, String> parameters, Fingerprint fingerprint)
			throws IOException {
		MessageDigest digest = sha256();
		for (String question : this.questions) {
			fingerprint.add(question, answer(question, lookups, accessor, parameters, digest));
		}
	}

	private static String answer(String question, Lookups lookups, Lookups accessor, Map<String, String> parameters,
			MessageDigest digest) throws IOException {
		String subject = subject(question);
		return switch (kind(question)) {
			case LOOKUP -> lookups.lookup(subject);
			case LOOKUP_THROUGH_ACCESSOR -> accessor.lookup(subject);
			case SEARCH -> accessor.search(subject, false);
			case SEARCH_RECURSIVE -> accessor.search(subject, true);
			case READ -> contentDigest(URI.create(subject), digest);
			case MISSING -> contentDigest(URI.create(subject), digest).equals(ABSENT) ? ABSENT : "<present>";
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

	private static String parameter(String name, Map<String, String> parameters) {
		return "configured=" + parameters.get(name) + ";system=" + System.getProperty(name) + ";environment="
				+ System.getenv(name);
	}

	private static String contentDigest(URI uri, MessageDigest digest) {
		digest.reset();
		Path file = file(uri);
		if (file != null) {
			// read whole, in one call; a folder is told from a missing file only when the
			// read fails
			try {
				return hex(digest.digest(Files.readAllBytes(file)));
			}
			catch (IOException ex) {
				return Files.isDirectory(file) ? "<folder>" : ABSENT;
			}
		}
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

	/**
	 * The file of a {@code file:} URI, read directly rather than through a URL
	 * connection; {@code null} for any other URI.
	 */
	private static @Nullable Path file(URI uri) {
		if (!"file".equalsIgnoreCase(uri.getScheme())) {
			return null;
		}
		try {
			return Path.of(uri);
		}
		catch (IllegalArgumentException | FileSystemNotFoundException ex) {
			return null;
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

	/**
	 * Answers lookups and folder listings as the fingerprint records them.
	 */
	interface Lookups {

		/**
		 * Look a path up, as Liquibase's {@code ResourceAccessor.getAll} does.
		 * @param path the path
		 * @return the URIs found, or {@link #ABSENT}
		 * @throws IOException if the lookup fails
		 */
		String lookup(String path) throws IOException;

		/**
		 * List a folder, as Liquibase's {@code ResourceAccessor.search} does.
		 * @param path the folder
		 * @param recursive whether to list sub-folders too
		 * @return the paths and URIs found, or {@link #ABSENT}
		 * @throws IOException if the listing fails
		 */
		default String search(String path, boolean recursive) throws IOException {
			throw new IOException("Folder listings are answered by Liquibase's accessor only");
		}

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
