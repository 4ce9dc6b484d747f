package io.bootmigrations.env;

/**
 * A database environment variable cannot be used. The message names the variable and
 * the problem, never the value when it may hold a password.
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
