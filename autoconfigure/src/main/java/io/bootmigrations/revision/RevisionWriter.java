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

package io.bootmigrations.revision;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * Writes a new changelog file with one changeset to fill in, in the master changelog's
 * format, and includes it in the master changelog (unless the master already includes the
 * whole folder with {@code includeAll}). Either both files are written or neither.
 */
public final class RevisionWriter {

	private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private static final Pattern INCLUDE_ALL_PATH = Pattern
		.compile("includeAll[^\\n]*(?:\\n[^\\n]*){0,3}?path[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,}>]+)");

	private static final Pattern INCLUDE_FILE = Pattern
		.compile("include\\b[^\\n]*(?:\\n[^\\n]*)?\\bfile[\"']?\\s*[:=]\\s*[\"']?([^\"'\\s,}>]+)");

	private final Path workingDirectory;

	private final Clock clock;

	/**
	 * Create a writer.
	 * @param workingDirectory the directory relative paths are resolved against (the
	 * project directory)
	 * @param clock the clock the id's timestamp comes from
	 */
	public RevisionWriter(Path workingDirectory, Clock clock) {
		this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
		this.clock = clock;
	}

	/**
	 * Write a revision.
	 * @param changeLog the master changelog location
	 * ({@code spring.liquibase.change-log})
	 * @param directory where to write, or {@code null} for the master's folder
	 * @param message what the change does
	 * @param author the author
	 * @return what was written
	 * @throws RevisionException if nothing could be written; then nothing was
	 */
	public Revision write(String changeLog, @Nullable String directory, String message, String author) {
		return write(changeLog, directory, message, author, (format, id, by,
				comment) -> ChangeLogFormat.valueOf(format.toUpperCase(Locale.ROOT)).template(id, by, comment));
	}

	/**
	 * Write a revision with the given content instead of the template to fill in.
	 * @param changeLog the master changelog location
	 * ({@code spring.liquibase.change-log})
	 * @param directory where to write, or {@code null} for the master's folder
	 * @param message what the change does
	 * @param author the author
	 * @param content the text of the new file, in the format it is asked for
	 * @return what was written
	 * @throws RevisionException if nothing could be written; then nothing was
	 */
	public Revision write(String changeLog, @Nullable String directory, String message, String author,
			Content content) {
		requireMessage(message);
		Path master = master(changeLog);
		ChangeLogFormat masterFormat = ChangeLogFormat.of(master.getFileName().toString());
		if (masterFormat == null || masterFormat == ChangeLogFormat.SQL) {
			throw new RevisionException("The master changelog " + master + " is not YAML or XML: the revision command "
					+ "includes the new file in the master, which a formatted SQL changelog can only do with a "
					+ "Liquibase Pro licence. Use a YAML or XML master that includes the (SQL) files.");
		}
		String masterText = read(master);
		ChangeLogFormat format = formatOfLastInclude(masterText, masterFormat);
		Path target = (directory != null && !directory.isBlank()) ? this.workingDirectory.resolve(directory).normalize()
				: master.getParent();
		String id = ID_TIME.format(this.clock.instant()) + "-" + slug(message);
		Path file = target.resolve(id + "." + format.extension());
		try {
			Files.createDirectories(target);
		}
		catch (IOException ex) {
			throw new RevisionException("Cannot create the revision directory " + target + " (" + ex + "); give a "
					+ "writable one with --migrations.revision.directory.");
		}
		if (!Files.isWritable(target)) {
			throw new RevisionException("The revision directory " + target + " is not writable; give a writable one "
					+ "with --migrations.revision.directory.");
		}
		if (!Files.isWritable(master)) {
			throw new RevisionException("The master changelog " + master + " is not writable, so the revision "
					+ "could not be included in it.");
		}
		checkUnique(id, file, target, masterText);
		boolean coveredByIncludeAll = includesAll(masterText, master.getParent(), target);
		String relative = master.getParent().relativize(file).toString().replace('\\', '/');
		String newMaster = coveredByIncludeAll ? masterText : masterFormat.include(masterText, relative);
		if (newMaster == null) {
			throw new RevisionException("Cannot find where to add an include in the master changelog " + master
					+ " (no closing </databaseChangeLog>); include the revision by hand.");
		}
		writeBoth(file, content.render(format.extension(), id, author, message.strip()), master, newMaster,
				coveredByIncludeAll);
		return new Revision(id, author, file, master, !coveredByIncludeAll);
	}

	/**
	 * Check that a revision's message is given.
	 * @param message the message
	 * @throws RevisionException if it is blank
	 */
	public static void requireMessage(String message) {
		if (message.isBlank()) {
			throw new RevisionException("The revision command needs a message: --migrations.message=\"add customer "
					+ "email\" (it becomes the changeset's comment and part of its id).");
		}
	}

	private Path master(String changeLog) {
		String location = changeLog.strip();
		if (location.startsWith("file:")) {
			Path file = location.startsWith("file:/") ? Path.of(java.net.URI.create(location))
					: this.workingDirectory.resolve(location.substring("file:".length()));
			if (!Files.isRegularFile(file)) {
				throw new RevisionException("The master changelog " + file + " does not exist.");
			}
			return file.toAbsolutePath().normalize();
		}
		String path = location.replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
		Path resources = this.workingDirectory.resolve("src/main/resources");
		Path file = resources.resolve(path).normalize();
		if (!Files.isRegularFile(file)) {
			throw new RevisionException("The master changelog " + changeLog + " is not a file under " + resources
					+ ": it is read from the application jar or class path, which cannot be edited. Run the "
					+ "revision command from the project directory (./mvnw spring-boot:run "
					+ "-Dspring-boot.run.arguments=...) or point spring.liquibase.change-log at the file with "
					+ "file:<path>.");
		}
		return file;
	}

	/**
	 * The format of the file the master includes last, so that a master that includes SQL
	 * files gets an SQL revision; the master's own format otherwise.
	 */
	private static ChangeLogFormat formatOfLastInclude(String masterText, ChangeLogFormat masterFormat) {
		Matcher matcher = INCLUDE_FILE.matcher(masterText);
		ChangeLogFormat format = masterFormat;
		while (matcher.find()) {
			ChangeLogFormat included = ChangeLogFormat.of(matcher.group(1));
			format = (included != null) ? included : masterFormat;
		}
		return format;
	}

	private static void checkUnique(String id, Path file, Path target, String masterText) {
		boolean clash = Files.exists(file) || masterText.contains(id);
		if (!clash) {
			try (Stream<Path> siblings = Files.list(target)) {
				clash = siblings.anyMatch((sibling) -> Files.isRegularFile(sibling) && read(sibling).contains(id));
			}
			catch (IOException ex) {
				throw new RevisionException("Cannot list the revision directory " + target + " (" + ex + ").");
			}
		}
		if (clash) {
			throw new RevisionException("A changeset with id " + id + " already exists in " + target + " or the "
					+ "master changelog; nothing was written. Wait a second or change the message.");
		}
	}

	private boolean includesAll(String masterText, Path masterFolder, Path target) {
		Matcher matcher = INCLUDE_ALL_PATH.matcher(masterText);
		Path resources = this.workingDirectory.resolve("src/main/resources");
		while (matcher.find()) {
			String path = matcher.group(1).replaceFirst("^classpath\\*?:", "");
			for (Path base : new Path[] { masterFolder, resources }) {
				if (base.resolve(path.replaceFirst("^/+", "")).normalize().equals(target)) {
					return true;
				}
			}
		}
		return false;
	}

	private static void writeBoth(Path file, String content, Path master, String newMaster, boolean masterUnchanged) {
		try {
			Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
		}
		catch (IOException ex) {
			throw new RevisionException("Cannot write " + file + " (" + ex + "); nothing was written.");
		}
		if (masterUnchanged) {
			return;
		}
		Path temporary = master.resolveSibling("." + master.getFileName() + ".revision");
		try {
			Files.writeString(temporary, newMaster, StandardCharsets.UTF_8);
			Files.move(temporary, master, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(temporary);
				Files.deleteIfExists(file);
			}
			catch (IOException cleanup) {
				ex.addSuppressed(cleanup);
			}
			throw new RevisionException(
					"Cannot update the master changelog " + master + " (" + ex + "); nothing was written.");
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new RevisionException("Cannot read " + file + " (" + ex + ").");
		}
	}

	static String slug(String message) {
		String slug = message.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > 50) {
			slug = slug.substring(0, 50).replaceAll("-+$", "");
		}
		return slug.isEmpty() ? "revision" : slug;
	}

	/**
	 * The text of a new revision file.
	 */
	@FunctionalInterface
	public interface Content {

		/**
		 * Render the file.
		 * @param format {@code yaml}, {@code xml} or {@code sql}
		 * @param id the changeset's id
		 * @param author the changeset's author
		 * @param message the changeset's comment
		 * @return the file's text
		 */
		String render(String format, String id, String author, String message);

	}

	/**
	 * A written revision.
	 *
	 * @param id the changeset's id
	 * @param author the changeset's author
	 * @param file the new changelog file
	 * @param master the master changelog
	 * @param included whether an include was added to the master (otherwise an
	 * {@code includeAll} already covers the folder)
	 */
	public record Revision(String id, String author, Path file, Path master, boolean included) {

	}

}
