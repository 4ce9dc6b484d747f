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
