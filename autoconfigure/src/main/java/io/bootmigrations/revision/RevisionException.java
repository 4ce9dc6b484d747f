package io.bootmigrations.revision;

/**
 * A revision could not be written; nothing was written. The message says what to do.
 */
public class RevisionException extends RuntimeException {

	/**
	 * Create an exception.
	 * @param message what went wrong and what to do
	 */
	public RevisionException(String message) {
		super(message);
	}

}
