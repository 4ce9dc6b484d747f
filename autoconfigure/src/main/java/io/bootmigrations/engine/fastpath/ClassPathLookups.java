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

import java.io.File;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.StringUtils;

/**
 * Answers the fast path's lookups the way Liquibase's {@code SpringResourceAccessor}
 * answers {@code getAll(path)} over the same {@link ResourceLoader} (same search path,
 * same Spring resolver, same {@code exists()} filter, same URI normalization), but
 * without a Liquibase class and without asking the class loader once per lookup: the
 * roots of a {@link URLClassLoader} (Boot's launchers, a plain one) are opened once, and
 * each lookup is then a file-existence check per folder root and an entry lookup per jar
 * root. Any other class loader, and any path with characters that a class loader would
 * encode, is asked as Spring asks it.
 * <p>
 * What the run recorded is checked against this class's answers before a fingerprint is
 * stored ({@link #lookup(String)} must give exactly the string that {@link Inputs#uris}
 * made of Liquibase's answer); a lookup that differs is answered through Liquibase's
 * accessor on the next boot instead.
 */
final class ClassPathLookups implements Inputs.Lookups {

	private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9_.\\-]+(/[A-Za-z0-9_.\\-]+)*");

	private static final Pattern DOTS = Pattern.compile("(^|/)\\.(/|$)|\\.\\.");

	private static final Pattern CLASSPATH_PREFIX = Pattern.compile("^classpath\\*?:.*");

	private static final Pattern URL_PREFIX = Pattern.compile("^\\w+:.*");

	private static final Pattern SLASHES = Pattern.compile("//+");

	private final IndexedResolver resolver;

	ClassPathLookups(ResourceLoader resourceLoader) {
		this.resolver = new IndexedResolver(resourceLoader);
	}

	/**
	 * What Liquibase's accessor answers for {@code getAll(path)}, as {@link Inputs#uris}
	 * writes it.
	 * @param path the path Liquibase looked up
	 * @return the answer
	 * @throws IOException if the lookup fails
	 */
	@Override
	public String lookup(String path) throws IOException {
		String location = searchPath(path);
		String direct = this.resolver.answer(location);
		if (direct != null) {
			return direct;
		}
		Resource[] resources = this.resolver.getResources(location);
		StringBuilder answer = new StringBuilder();
		for (Resource resource : resources) {
			if (resource.exists()) {
				answer.append(liquibaseUri(resource.getURI())).append('|');
			}
		}
		return answer.isEmpty() ? Inputs.ABSENT : answer.toString();
	}

	/**
	 * The location Liquibase's {@code SpringResourceAccessor.finalizeSearchPath} makes of
	 * a path (the same in Liquibase 4.33 and 5.0).
	 */
	static String searchPath(String path) {
		String searchPath = path;
		if (CLASSPATH_PREFIX.matcher(searchPath).matches()) {
			searchPath = "classpath*:/" + searchPath.replace("classpath:", "").replace("classpath*:", "");
		}
		else if (!URL_PREFIX.matcher(searchPath).matches()) {
			searchPath = "classpath*:/" + searchPath;
		}
		searchPath = SLASHES.matcher(searchPath.replace("\\", "/")).replaceAll("/");
		return StringUtils.cleanPath(searchPath);
	}

	/**
	 * The URI Liquibase's {@code AbstractResource} keeps of a resource's URI (the same in
	 * Liquibase 4.33 and 5.0): normalized, and for a URI with {@code !} (a jar entry)
	 * only the part after the last {@code !} normalized.
	 */
	static URI liquibaseUri(URI uri) {
		String text = uri.toString();
		if (!text.contains("!")) {
			return uri.normalize();
		}
		String[] parts = text.split("!");
		StringBuilder kept = new StringBuilder();
		try {
			for (int i = 0; i < parts.length; i++) {
				if (i == parts.length - 1) {
					kept.append(new URI(parts[i]).normalize());
				}
				else {
					kept.append(parts[i]).append('!');
				}
			}
			return new URI(kept.toString());
		}
		catch (URISyntaxException ex) {
			return uri.normalize();
		}
	}

	/**
	 * Spring's resolver, with the class loader's roots opened once.
	 */
	private static final class IndexedResolver extends PathMatchingResourcePatternResolver {

		private @Nullable List<Root> roots;

		/**
		 * Whether the boot layer holds only the JDK's own modules: Spring's resolver then
		 * finds nothing on the module path, only on the class path. The boot layer is
		 * fixed for the JVM's life.
		 */
		private static final boolean CLASS_PATH_ONLY = ModuleLayer.boot()
			.configuration()
			.modules()
			.stream()
			.allMatch((module) -> module.reference()
				.location()
				.map((location) -> "jrt".equals(location.getScheme()))
				.orElse(false));

		private boolean indexed;

		IndexedResolver(ResourceLoader resourceLoader) {
			super(resourceLoader);
		}

		/**
		 * The answer to a {@code classpath*:} location without a pattern, made straight
		 * from the indexed roots, as Spring's resolver would make it and Liquibase would
		 * write it, but without Spring's resources for each root and each lookup (a
		 * folder root's file is the {@code FileSystemResource} Spring makes of it, a jar
		 * root's entry exists as its {@code UrlResource} would find it). Only where
		 * nothing else can answer: the parent holds nothing at that path and the module
		 * path holds no application module.
		 * @param location the location as {@link ClassPathLookups#searchPath} made it
		 * @return the answer, or {@code null} to ask Spring's resolver
		 * @throws IOException if a root cannot be read
		 */
		@Nullable String answer(String location) throws IOException {
			if (!location.startsWith(CLASSPATH_ALL_URL_PREFIX)) {
				return null;
			}
			String withoutPrefix = location.substring(CLASSPATH_ALL_URL_PREFIX.length());
			String path = withoutPrefix.startsWith("/") ? withoutPrefix.substring(1) : withoutPrefix;
			// a plain path holds no pattern character
			List<Root> roots = rootsFor(path);
			if (roots == null || !CLASS_PATH_ONLY || getClassLoader().getParent().getResource(path) != null) {
				return null;
			}
			Set<String> uris = new LinkedHashSet<>();
			for (Root root : roots) {
				URI uri = root.uri(path);
				if (uri != null) {
					uris.add(liquibaseUri(uri).toString());
				}
			}
			return uris.isEmpty() ? Inputs.ABSENT : String.join("|", uris) + "|";
		}

		@Override
		protected Set<Resource> doFindAllClassPathResources(String path) throws IOException {
			List<URL> urls = find(path);
			if (urls == null) {
				return super.doFindAllClassPathResources(path);
			}
			Set<Resource> result = new LinkedHashSet<>();
			urls.forEach((url) -> result.add(convertClassLoaderURL(url)));
			return result;
		}

		/**
		 * What {@code ClassLoader.getResources(path)} finds: the parent's answer, then
		 * each root that holds the path, in order.
		 */
		private @Nullable List<URL> find(String path) throws IOException {
			List<Root> roots = rootsFor(path);
			if (roots == null) {
				return null;
			}
			List<URL> urls = new ArrayList<>(Collections.list(getClassLoader().getParent().getResources(path)));
			for (Root root : roots) {
				if (root.holds(path)) {
					urls.add(new URL(root.url(), path));
				}
			}
			return urls;
		}

		/**
		 * The indexed roots, when a path can be looked up in them: the class loader was
		 * indexed, has a parent to ask first, and the path is plain (nothing a class
		 * loader would encode, no pattern, no dot segment).
		 */
		private @Nullable List<Root> rootsFor(String path) {
			ClassLoader classLoader = getClassLoader();
			if (!this.indexed) {
				this.indexed = true;
				this.roots = index(classLoader);
			}
			if (this.roots == null || classLoader == null || classLoader.getParent() == null
					|| !PLAIN_PATH.matcher(path).matches() || DOTS.matcher(path).find()) {
				return null;
			}
			return this.roots;
		}

		private static @Nullable List<Root> index(@Nullable ClassLoader classLoader) {
			if (!(classLoader instanceof URLClassLoader urlClassLoader) || !resolvesAsUrlClassLoader(classLoader)) {
				return null;
			}
			List<Root> roots = new ArrayList<>();
			try {
				for (URL url : urlClassLoader.getURLs()) {
					Root root = Root.of(url);
					if (root == null) {
						return null;
					}
					roots.add(root);
				}
			}
			catch (IOException | URISyntaxException | IllegalArgumentException ex) {
				return null;
			}
			return roots;
		}

		/**
		 * Whether the class loader finds resources as {@link URLClassLoader} does: a
		 * plain one, or Boot's launchers' (which only switch Boot's jar optimizations off
		 * around it).
		 */
		private static boolean resolvesAsUrlClassLoader(ClassLoader classLoader) {
			Class<?> type = classLoader.getClass();
			return type == URLClassLoader.class
					|| type.getName().equals("org.springframework.boot.loader.launch.LaunchedClassLoader");
		}

	}

	/**
	 * One root of a class loader: a folder, or a jar opened through its {@code jar:} URL.
	 */
	private record Root(URL url, @Nullable File folder, @Nullable JarFile jar) {

		static @Nullable Root of(URL url) throws IOException, URISyntaxException {
			String file = url.getFile();
			if (file == null || !file.endsWith("/")) {
				return null;
			}
			if ("file".equals(url.getProtocol())) {
				return new Root(url, new File(url.toURI()), null);
			}
			if ("jar".equals(url.getProtocol()) && file.endsWith("!/")) {
				URLConnection connection = url.openConnection();
				if (!(connection instanceof JarURLConnection jarConnection)) {
					return null;
				}
				// with the JDK's own jar: handler the class loader opens the jar itself
				// and
				// names entries after the jar file's URL as java.net.URL spells it
				URL base = connection.getClass().getName().startsWith("sun.net.www.protocol.jar.")
						? new URL("jar:" + jarConnection.getJarFileURL() + "!/") : url;
				return new Root(base, null, jarConnection.getJarFile());
			}
			return null;
		}

		/**
		 * The URI of what this root holds at a path, as Spring's resource for it gives
		 * it: a folder's file as {@link File#toURI()} writes it, a jar's entry as its
		 * URL.
		 */
		@Nullable URI uri(String path) throws IOException {
			if (!holds(path)) {
				return null;
			}
			if (this.folder != null) {
				return file(path).toURI();
			}
			try {
				return new URI(new URL(this.url, path).toString().replace(" ", "%20"));
			}
			catch (URISyntaxException ex) {
				throw new IOException(ex);
			}
		}

		boolean holds(String path) {
			if (this.folder != null) {
				return file(path).exists();
			}
			return this.jar != null && this.jar.getJarEntry(path) != null;
		}

		private File file(String path) {
			return new File(this.folder, path.replace('/', File.separatorChar));
		}

	}

}
