package io.bootmigrations.schema;

import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.JdbcUrls;

/**
 * The message of an exception's innermost cause, without credentials.
 */
final class Causes {

	private Causes() {
	}

	static String message(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage() : root.getClass().getSimpleName();
		return JdbcUrls.scrub(message.strip());
	}

	static <T extends Throwable> @Nullable T find(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() != cause) ? cause.getCause() : null) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
