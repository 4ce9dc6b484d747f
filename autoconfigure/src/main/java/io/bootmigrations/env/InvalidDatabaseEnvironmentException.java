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

package io.bootmigrations.env;

/**
 * A database environment variable cannot be used. The message names the variable and the
 * problem, never the value when it may hold a password.
 */
public class InvalidDatabaseEnvironmentException extends IllegalStateException {

	private final String variable;

	public InvalidDatabaseEnvironmentException(String variable, String problem) {
		super("The environment variable " + variable + " " + problem
				+ ". Fix it, or set spring.datasource.url (SPRING_DATASOURCE_URL) instead.");
		this.variable = variable;
	}

	/**
	 * The variable at fault.
	 * @return the variable name
	 */
	public String getVariable() {
		return this.variable;
	}

}
