package io.bootmigrations.testsupport;

/**
 * Liquibase XML changelogs written by tests.
 */
public final class ChangeLogs {

	/** The opening of an XML changelog, up to and including the root element. */
	public static final String XML_HEADER = """
			<?xml version="1.0" encoding="UTF-8"?>
			<databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
					xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
					xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog https://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
			""";

	/** The end of an XML changelog. */
	public static final String XML_FOOTER = "</databaseChangeLog>\n";

	private ChangeLogs() {
	}

	/**
	 * An XML changelog around the given changesets.
	 * @param body the {@code <changeSet>} elements
	 * @return the changelog
	 */
	public static String xml(String body) {
		return XML_HEADER + body + XML_FOOTER;
	}

}
