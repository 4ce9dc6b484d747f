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

package io.bootmigrations.command;

import java.io.PrintStream;

/**
 * Where a command's result goes: the process's standard output as it was before the
 * command started. Everything else that writes to {@code System.out} while a command runs
 * (the console log, Liquibase's own messages) is sent to standard error instead, so that
 * stdout holds only the result.
 */
final class CommandOutput {

	private static volatile PrintStream result = System.out;

	private CommandOutput() {
	}

	/**
	 * Keep the current standard output for the result and send everything else written to
	 * {@code System.out} to standard error. Called once, before logging starts.
	 */
	static synchronized void separate() {
		if (System.out != System.err) {
			result = System.out;
			System.setOut(System.err);
		}
	}

	/**
	 * The stream for the result.
	 * @return standard output as it was before {@link #separate()}
	 */
	static PrintStream result() {
		return result;
	}

}
