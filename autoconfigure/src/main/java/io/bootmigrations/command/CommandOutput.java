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
	 * Keep the current standard output for the result and send everything else written
	 * to {@code System.out} to standard error. Called once, before logging starts.
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
