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

import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.StringUtils;

/**
 * When a command's application fails to start, makes the JVM exit with 2 (error) rather
 * than Spring Boot's 1, which a command reserves for "check failed".
 * <p>
 * Spring Boot reports the failure after this listener runs and then lets the exception
 * end the main thread, so the status can only be set on the way out: a shutdown hook
 * halts the JVM with 2. By then the context is closed and the report printed (console
 * output is synchronous); the hook is only installed for a command run that failed.
 */
public class MigrationCommandFailureListener implements ApplicationListener<ApplicationFailedEvent> {

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		if (isCommand(event)) {
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> Runtime.getRuntime().halt(MigrationCommandRunner.ERROR),
						"migrations-command-exit-status"));
		}
	}

	private boolean isCommand(ApplicationFailedEvent event) {
		ConfigurableApplicationContext context = event.getApplicationContext();
		if (context != null && StringUtils.hasText(context.getEnvironment().getProperty("migrations.command"))) {
			return true;
		}
		for (String arg : event.getArgs()) {
			if (arg.startsWith("--migrations.command=") && arg.length() > "--migrations.command=".length()) {
				return true;
			}
		}
		return StringUtils.hasText(System.getenv("MIGRATIONS_COMMAND"))
				|| StringUtils.hasText(System.getProperty("migrations.command"));
	}

}
