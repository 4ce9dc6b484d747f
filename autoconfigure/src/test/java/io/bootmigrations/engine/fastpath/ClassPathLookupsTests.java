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
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.resource.AbstractResource;
import liquibase.resource.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ClassPathLookups}: every answer equals what Liquibase's
 * {@link SpringResourceAccessor} answers over the same resource loader, with a folder and
 * a jar as roots of a class loader, before and after the folder changes.
 */
class ClassPathLookupsTests {

	private static final List<String> PATHS = List.of("db/a.xml", "db/both.xml", "db/jar-only.xml", "db/missing.xml",
			"classpath:db/a.xml", "classpath*:db/both.xml", "/db/a.xml", "db//a.xml", "db/./a.xml", "db/../db/a.xml",
			"db/with space.xml", "db/", "db", "", "io/bootmigrations/engine/fastpath/ClassPathLookups.class",
			"META-INF/MANIFEST.MF");

	@TempDir
	Path temp;

	private URLClassLoader classLoader;

	private ResourceLoader resourceLoader;

	@BeforeEach
	void createClassLoader() throws IOException {
		Path folder = this.temp.resolve("folder");
		write(folder.resolve("db/a.xml"), "a");
		write(folder.resolve("db/both.xml"), "folder");
		write(folder.resolve("db/with space.xml"), "space");
		Path jar = this.temp.resolve("lib.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String name : List.of("db/both.xml", "db/jar-only.xml")) {
				out.putNextEntry(new JarEntry(name));
				out.write(name.getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		this.classLoader = new URLClassLoader(
				new URL[] { folder.toUri().toURL(), new URL("jar:" + jar.toUri() + "!/") },
				getClass().getClassLoader());
		this.resourceLoader = new DefaultResourceLoader(this.classLoader);
	}

	@AfterEach
	void closeClassLoader() throws IOException {
		this.classLoader.close();
	}

	@Test
	void answersAsLiquibasesAccessor() throws IOException {
		assertSameAnswers(new ClassPathLookups(this.resourceLoader));
	}

	@Test
	void seesFilesAddedAndRemovedAfterTheFirstLookup() throws IOException {
		ClassPathLookups lookups = new ClassPathLookups(this.resourceLoader);
		assertSameAnswers(lookups);
		write(this.temp.resolve("folder/db/jar-only.xml"), "now in the folder too");
		write(this.temp.resolve("folder/db/missing.xml"), "no longer missing");
		Files.delete(this.temp.resolve("folder/db/a.xml"));
		assertSameAnswers(lookups);
		assertThat(lookups.lookup("db/jar-only.xml")).contains("folder/db/jar-only.xml").contains("lib.jar!");
		assertThat(lookups.lookup("db/a.xml")).isEqualTo(Inputs.ABSENT);
	}

	@Test
	void answersAsLiquibasesAccessorForAClassLoaderItCannotIndex() throws IOException {
		// no parent: every lookup is asked as Spring asks it
		try (URLClassLoader noParent = new URLClassLoader(this.classLoader.getURLs(), null)) {
			ResourceLoader resourceLoader = new DefaultResourceLoader(noParent);
			ClassPathLookups lookups = new ClassPathLookups(resourceLoader);
			for (String path : PATHS) {
				assertThat(lookups.lookup(path)).as(path).isEqualTo(liquibase(resourceLoader, path));
			}
		}
	}

	@Test
	void keepsUrisAsLiquibasesResourcesDo() {
		for (String uri : List.of("file:/app/db/./a.xml", "file:/app/db/../db/a.xml",
				"jar:nested:/app.jar/!BOOT-INF/classes/!/db/./a.xml",
				"jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/db/../db/a.xml", "jar:file:/x.jar!/db/a.xml",
				"jar:file:/x/./y.jar!/db/a.xml", "jar:file:/x.jar!/")) {
			URI given = URI.create(uri);
			assertThat(ClassPathLookups.liquibaseUri(given)).as(uri).isEqualTo(new AbstractResource(uri, given) {

				@Override
				public boolean exists() {
					return true;
				}

				@Override
				public Resource resolve(String other) {
					return this;
				}

				@Override
				public Resource resolveSibling(String other) {
					return this;
				}

				@Override
				public InputStream openInputStream() {
					return InputStream.nullInputStream();
				}

			}.getUri());
		}
	}

	private void assertSameAnswers(ClassPathLookups lookups) throws IOException {
		for (String path : PATHS) {
			assertThat(lookups.lookup(path)).as(path).isEqualTo(liquibase(this.resourceLoader, path));
		}
	}

	private static String liquibase(ResourceLoader resourceLoader, String path) throws IOException {
		return RecordingResourceAccessor.uris(new SpringResourceAccessor(resourceLoader).getAll(path));
	}

	private static void write(Path file, String content) throws IOException {
		Files.createDirectories(file.getParent());
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write(content.getBytes(StandardCharsets.UTF_8));
		}
	}

}
