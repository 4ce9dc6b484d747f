package io.bootmigrations.command;

import java.util.Map;

/**
 * The outcome of a command: its exit status, the text to print, and the same as JSON.
 */
final class CommandResult {

	final int exitCode;

	final String text;

	final Map<String, Object> json;

	CommandResult(int exitCode, String text, Map<String, Object> json) {
		this.exitCode = exitCode;
		this.text = text;
		this.json = json;
	}

}
