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
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.resource.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordingResourceAccessor} and the {@link Inputs} built from it, on
 * real files.
 */
class RecordingResourceAccessorTests {

	@TempDir
	Path classpath;

	private RecordingResourceAccessor accessor;

	@BeforeEach
	void createAccessor() throws IOException {
		write("db/master.xml", "<databaseChangeLog>${schema} ${table:orders}</databaseChangeLog>");
		write("db/more/a.xml", "a");
		URLClassLoader classLoader = new URLClassLoader(new URL[] { this.classpath.toUri().toURL() }, null);
		this.accessor = new RecordingResourceAccessor(
				new SpringResourceAccessor(new DefaultResourceLoader(classLoader)));
	}

	@Test
	void partlyReadFileIsDigestedWhole() throws Exception {
		Resource master = this.accessor.get("db/master.xml");
		try (InputStream in = master.openInputStream()) {
			in.read(new byte[3]);
		}
		assertThat(this.accessor.recording().digests()).containsEntry(master.getUri(),
				Inputs.hex(MessageDigest.getInstance("SHA-256")
					.digest(Files.readAllBytes(this.classpath.resolve("db/master.xml")))));
		assertThat(Inputs.of(this.accessor.recording())).isNotNull();
	}

	@Test
	void referencedParametersAreRecorded() throws Exception {
		readAll(this.accessor.get("db/master.xml"));
		assertThat(this.accessor.recording().parameters()).containsExactlyInAnyOrder("schema", "table:orders", "table");
	}

	@Test
	void fileThatChangesBetweenTwoReadsMakesTheRecordingUnusable() throws Exception {
		readAll(this.accessor.get("db/more/a.xml"));
		write("db/more/a.xml", "b");
		readAll(this.accessor.get("db/more/a.xml"));
		assertThat(this.accessor.recording().inconsistency()).contains("changed while it was read");
		assertThat(Inputs.of(this.accessor.recording())).isNull();
	}

	@Test
	void fileOpenedButNeverClosedMakesTheRecordingUnusable() throws Exception {
		InputStream unclosed = this.accessor.get("db/more/a.xml").openInputStream();
		assertThat(Inputs.of(this.accessor.recording())).isNull();
		unclosed.close();
		assertThat(Inputs.of(this.accessor.recording())).isNotNull();
	}

	@Test
	void missingSiblingIsRecordedAndNoticedWhenItAppears() throws Exception {
		Resource sibling = this.accessor.get("db/master.xml").resolveSibling("app.properties");
		assertThat(sibling.exists()).isFalse();
		assertThat(this.accessor.recording().missing()).containsExactly(sibling.getUri());
		String before = fingerprint(this.accessor.recording());
		assertThat(answerNow(this.accessor.recording())).isEqualTo(before);
		write("db/app.properties", "schema=x");
		assertThat(answerNow(this.accessor.recording())).isNotEqualTo(before);
	}

	@Test
	void answersNowEqualTheRecordedOnesUntilAFolderGainsAFile() throws Exception {
		readAll(this.accessor.get("db/master.xml"));
		List<Resource> listed = this.accessor.search("db/more", true);
		listed.forEach(RecordingResourceAccessorTests::readAll);
		Recording recording = this.accessor.recording();
		String recorded = fingerprint(recording);
		assertThat(answerNow(recording)).isEqualTo(recorded);
		write("db/more/b.xml", "b");
		assertThat(answerNow(recording)).isNotEqualTo(recorded);
	}

	@Test
	void editedFileChangesTheAnswers() throws Exception {
		readAll(this.accessor.get("db/master.xml"));
		Recording recording = this.accessor.recording();
		String recorded = fingerprint(recording);
		write("db/master.xml", "<databaseChangeLog/>");
		assertThat(answerNow(recording)).isNotEqualTo(recorded);
	}

	private String fingerprint(Recording recording) {
		Fingerprint fingerprint = new Fingerprint();
		Inputs.of(recording).answerFromRecording(recording, Map.of(), fingerprint);
		return fingerprint.value();
	}

	private String answerNow(Recording recording) throws IOException {
		Fingerprint recorded = new Fingerprint();
		Inputs.of(recording).answerFromRecording(recording, Map.of(), recorded);
		Inputs inputs = Inputs.parse(recorded.text());
		Fingerprint fingerprint = new Fingerprint();
		inputs.answerNow(this.accessor.delegateLookups(), this.accessor.delegateLookups(), Map.of(), fingerprint);
		return fingerprint.value();
	}

	private static void readAll(Resource resource) {
		try (InputStream in = resource.openInputStream()) {
			in.readAllBytes();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void write(String path, String content) throws IOException {
		Path file = this.classpath.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
