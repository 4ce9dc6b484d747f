package io.bootmigrations.command;

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * When a command's application fails to start, makes the JVM exit with 2 (error) rather
 * than 1, which a command reserves for "check failed". Spring Boot still prints its
 * failure report first; the exit status is changed when the exception leaves the main
 * thread.
 */
public class MigrationCommandFailureListener implements ApplicationListener<ApplicationFailedEvent> {

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		if (!isCommand(event)) {
			return;
		}
		Thread thread = Thread.currentThread();
		if ("main".equals(thread.getName())) {
			thread.setUncaughtExceptionHandler((failed, ex) -> System.exit(MigrationCommandRunner.ERROR));
		}
	}

	private boolean isCommand(ApplicationFailedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		if (context != null && StringUtils.hasText(context.getEnvironment().getProperty("migrations.command"))) {
			return true;
		}
		for (String arg : event.getArgs()) {
			if (arg.startsWith("--migrations.command=")) {
				return true;
			}
		}
		return StringUtils.hasText(System.getenv("MIGRATIONS_COMMAND"))
				|| StringUtils.hasText(System.getProperty("migrations.command"));
	}

}
