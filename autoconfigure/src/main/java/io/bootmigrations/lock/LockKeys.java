package io.bootmigrations.lock;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Stable keys for lock names: the same changelog table gives the same key in every
 * process and every version.
 */
final class LockKeys {

	private LockKeys() {
	}

	static byte[] sha256(String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static long key64(String text) {
		return ByteBuffer.wrap(sha256(text)).getLong();
	}

}
