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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * Where an upgrade or a downgrade should take the database (a revision of its schema, not
 * a database: see the multi-database targets), parsed from what an operator types:
 * {@code head}, {@code base}, {@code +3}, {@code -2}, a tag name, or
 * {@code date:2026-01-01T00:00:00Z}.
 *
 * @param kind what the target designates
 * @param count the number of changesets, for {@link Kind#COUNT} (always positive)
 * @param tag the tag name, for {@link Kind#TAG}
 * @param date the instant, for {@link Kind#DATE}
 */
public record RevisionTarget(Kind kind, int count, @Nullable String tag, @Nullable Instant date) {

	/** Every changeset: the newest state for an upgrade. */
	public static final RevisionTarget HEAD = new RevisionTarget(Kind.HEAD, 0, null, null);

	/** No changeset: the empty state for a downgrade. */
	public static final RevisionTarget BASE = new RevisionTarget(Kind.BASE, 0, null, null);

	/** The longest tag name the history table's {@code TAG} column holds. */
	public static final int MAX_TAG_LENGTH = 255;

	private static final String SYNTAX = "use head, base, +N, -N, a tag name, or date:<ISO-8601 instant>";

	public RevisionTarget {
		if (kind == Kind.COUNT && count <= 0) {
			throw new IllegalArgumentException("A count target needs a positive count, got " + count);
		}
		if (kind == Kind.TAG) {
			checkTag(tag);
		}
		if (kind == Kind.DATE && date == null) {
			throw new IllegalArgumentException("A date target needs a date");
		}
	}

	/**
	 * Check a tag name before anything runs: not blank, no control characters (a NUL
	 * breaks the database's driver), at most {@value #MAX_TAG_LENGTH} characters (the
	 * history table's {@code TAG} column).
	 * @param tag the tag name
	 * @return the tag name
	 * @throws IllegalArgumentException if the tag name cannot be stored
	 */
	public static String checkTag(@Nullable String tag) {
		if (tag == null || tag.isBlank()) {
			throw new IllegalArgumentException("A tag target needs a tag name");
		}
		if (tag.length() > MAX_TAG_LENGTH) {
			throw new IllegalArgumentException("The tag name has " + tag.length() + " characters; the history table "
					+ "holds at most " + MAX_TAG_LENGTH + ". Nothing was changed.");
		}
		if (tag.chars().anyMatch(Character::isISOControl)) {
			throw new IllegalArgumentException(
					"The tag name contains a control character (such as NUL); use printable characters. "
							+ "Nothing was changed.");
		}
		return tag;
	}

	/**
	 * A target of {@code count} changesets from where the database stands.
	 * @param count how many changesets, at least 1
	 * @return the target
	 */
	public static RevisionTarget count(int count) {
		return new RevisionTarget(Kind.COUNT, count, null, null);
	}

	/**
	 * The state recorded under a tag.
	 * @param tag the tag name
	 * @return the target
	 */
	public static RevisionTarget tag(String tag) {
		return new RevisionTarget(Kind.TAG, 0, tag, null);
	}

	/**
	 * The state at an instant: changesets applied after it are rolled back.
	 * @param date the instant
	 * @return the target
	 */
	public static RevisionTarget date(Instant date) {
		return new RevisionTarget(Kind.DATE, 0, null, date);
	}

	/**
	 * Parse a target as an operator types it. {@code +N} and {@code -N} both mean N
	 * changesets; the sign is checked against the direction by
	 * {@link #parse(String, Direction)}.
	 * @param text the target text
	 * @return the target
	 * @throws IllegalArgumentException with a message naming the text and the syntax
	 */
	public static RevisionTarget parse(String text) {
		String value = (text != null) ? text.strip() : "";
		if (value.isEmpty()) {
			throw new IllegalArgumentException("Empty migration target: " + SYNTAX);
		}
		if (value.equalsIgnoreCase("head")) {
			return HEAD;
		}
		if (value.equalsIgnoreCase("base")) {
			return BASE;
		}
		if (value.startsWith("+") || value.startsWith("-")) {
			return count(parseCount(value));
		}
		if (value.regionMatches(true, 0, "date:", 0, 5)) {
			return date(parseDate(value, value.substring(5).strip()));
		}
		if (value.chars().anyMatch(Character::isWhitespace)) {
			throw new IllegalArgumentException("Invalid migration target '" + value + "': " + SYNTAX);
		}
		return tag(value);
	}

	/**
	 * Parse a target for an upgrade ({@code head}, {@code +N}, a tag) or a downgrade
	 * ({@code base}, {@code -N}, a tag, {@code date:...}).
	 * @param text the target text, or {@code null} for the direction's default
	 * ({@code head} for an upgrade; a downgrade has none)
	 * @param direction the direction
	 * @return the target
	 * @throws IllegalArgumentException if the text cannot be parsed or does not fit the
	 * direction
	 */
	public static RevisionTarget parse(@Nullable String text, Direction direction) {
		if (text == null || text.isBlank()) {
			if (direction == Direction.UPGRADE) {
				return HEAD;
			}
			throw new IllegalArgumentException("A downgrade needs a target: -N, a tag name, date:<ISO-8601>, or base");
		}
		String value = text.strip();
		RevisionTarget target = parse(value);
		boolean wrongSign = (direction == Direction.UPGRADE) ? value.startsWith("-") : value.startsWith("+");
		String misfit = wrongSign ? misfit(value, direction) : target.misfit(direction);
		if (misfit != null) {
			throw new IllegalArgumentException(misfit);
		}
		return target;
	}

	/**
	 * Whether this target fits a direction, the one place that says which targets go
	 * which way: an upgrade to head, +N or a tag; a downgrade to base, -N, a tag or a
	 * date.
	 * @param direction the direction
	 * @return {@code null} if it fits, else why not
	 */
	public @Nullable String misfit(Direction direction) {
		boolean fits = (direction == Direction.UPGRADE) ? this.kind != Kind.BASE && this.kind != Kind.DATE
				: this.kind != Kind.HEAD;
		return fits ? null : misfit(toString(), direction);
	}

	private static String misfit(String value, Direction direction) {
		return (direction == Direction.UPGRADE)
				? "Invalid upgrade target '" + value
						+ "': an upgrade goes to head, +N (the next N changesets) or a tag name"
				: "Invalid downgrade target '" + value
						+ "': a downgrade goes to -N (the last N changesets), a tag name, date:<ISO-8601> or base";
	}

	private static int parseCount(String value) {
		String digits = value.substring(1);
		if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
			throw new IllegalArgumentException(
					"Invalid migration target '" + value + "': a count is +N or -N with N a whole number");
		}
		int count;
		try {
			count = Integer.parseInt(digits);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("Invalid migration target '" + value + "': count too large");
		}
		if (count == 0) {
			throw new IllegalArgumentException(
					"Invalid migration target '" + value + "': the count must be at least 1");
		}
		return count;
	}

	private static Instant parseDate(String value, String date) {
		try {
			return Instant.parse(date);
		}
		catch (DateTimeParseException ex) {
			// fall through to the more lenient forms
		}
		try {
			return OffsetDateTime.parse(date).toInstant();
		}
		catch (DateTimeParseException ex) {
			// fall through
		}
		try {
			return LocalDateTime.parse(date).toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			// fall through
		}
		try {
			return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("Invalid migration target '" + value
					+ "': the date must be ISO-8601, for example date:2026-01-01T00:00:00Z (UTC is assumed "
					+ "when no offset is given)");
		}
	}

	@Override
	public String toString() {
		return switch (this.kind) {
			case HEAD -> "head";
			case BASE -> "base";
			case COUNT -> String.valueOf(this.count);
			case TAG -> this.tag;
			case DATE -> "date:" + this.date;
		};
	}

	/**
	 * What a target designates.
	 */
	public enum Kind {

		/** Every changeset of the changelog. */
		HEAD,

		/** No changeset at all. */
		BASE,

		/** A number of changesets from where the database stands. */
		COUNT,

		/** The state recorded under a tag. */
		TAG,

		/** The state at an instant. */
		DATE

	}

	/**
	 * The direction of a command.
	 */
	public enum Direction {

		/** Apply changesets. */
		UPGRADE,

		/** Roll changesets back. */
		DOWNGRADE

	}

}
