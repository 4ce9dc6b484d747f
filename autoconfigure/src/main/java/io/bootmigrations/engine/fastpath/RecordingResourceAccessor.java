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

package io.bootmigrations.engine.fastpath;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

import liquibase.resource.OpenOptions;
import liquibase.resource.Resource;
import liquibase.resource.ResourceAccessor;
import org.jspecify.annotations.Nullable;

/**
 * A {@link ResourceAccessor} that remembers everything Liquibase asked it during a run:
 * every lookup and folder listing with what it found, the digest of every byte read from
 * every file (also files reached through {@link Resource#resolveSibling(String)}, such as
 * relative {@code <property file>}s), files found missing, and every {@code ${name}}
 * changelog parameter the files reference. That record becomes the fast path's
 * {@link Inputs}.
 */
final class RecordingResourceAccessor implements ResourceAccessor {

	private final ResourceAccessor delegate;

	private volatile Recording recording = new Recording();

	RecordingResourceAccessor(ResourceAccessor delegate) {
		this.delegate = delegate;
	}

	/**
	 * Lookups and folder listings asked of the accessor Liquibase reads through,
	 * unrecorded.
	 * @return the lookups
	 */
	Inputs.Lookups delegateLookups() {
		return lookups(this.delegate);
	}

	/**
	 * Lookups and folder listings asked of an accessor.
	 * @param delegate the accessor
	 * @return the lookups
	 */
	static Inputs.Lookups lookups(ResourceAccessor delegate) {
		return new Inputs.Lookups() {

			@Override
			public String lookup(String path) throws IOException {
				return uris(delegate.getAll(path));
			}

			@Override
			public String search(String path, boolean recursive) throws IOException {
				return paths(delegate.search(path, recursive));
			}

		};
	}

	static String uris(@Nullable List<Resource> resources) {
		if (resources == null || resources.isEmpty()) {
			return Inputs.ABSENT;
		}
		StringBuilder answer = new StringBuilder();
		resources.forEach((resource) -> answer.append(resource.getUri()).append('|'));
		return answer.toString();
	}

	static String paths(@Nullable List<Resource> resources) {
		if (resources == null || resources.isEmpty()) {
			return Inputs.ABSENT;
		}
		StringBuilder answer = new StringBuilder();
		resources
			.forEach((resource) -> answer.append(resource.getPath()).append('=').append(resource.getUri()).append('|'));
		return answer.toString();
	}

	/**
	 * Forget what was recorded and start again; called at the start of every run.
	 */
	void restart() {
		this.recording = new Recording();
	}

	/**
	 * What the run read so far.
	 * @return the recording
	 */
	Recording recording() {
		return this.recording;
	}

	@Override
	public @Nullable List<Resource> getAll(String path) throws IOException {
		List<Resource> found = this.delegate.getAll(path);
		Recording recording = this.recording;
		recording.looked(Inputs.lookup(path), uris(found));
		return wrap(found, recording);
	}

	@Override
	public List<Resource> search(String path, boolean recursive) throws IOException {
		List<Resource> found = this.delegate.search(path, recursive);
		Recording recording = this.recording;
		recording.looked(Inputs.search(path, recursive), paths(found));
		List<Resource> wrapped = wrap(found, recording);
		return (wrapped != null) ? wrapped : List.of();
	}

	@Override
	public List<String> describeLocations() {
		return this.delegate.describeLocations();
	}

	@Override
	public void close() throws Exception {
		this.delegate.close();
	}

	private static @Nullable List<Resource> wrap(@Nullable List<Resource> resources, Recording recording) {
		if (resources == null) {
			return null;
		}
		List<Resource> wrapped = new ArrayList<>(resources.size());
		resources.forEach((resource) -> wrapped.add(new RecordingResource(resource, recording)));
		return wrapped;
	}

	/**
	 * A resource whose reads, siblings and absence are recorded.
	 */
	private static final class RecordingResource implements Resource {

		private final Resource delegate;

		private final Recording recording;

		RecordingResource(Resource delegate, Recording recording) {
			this.delegate = delegate;
			this.recording = recording;
		}

		@Override
		public String getPath() {
			return this.delegate.getPath();
		}

		@Override
		public InputStream openInputStream() throws IOException {
			this.recording.opened(this.delegate.getUri());
			return new DigestingInputStream(this.delegate.openInputStream(), this.delegate.getUri(), this.recording);
		}

		@Override
		public boolean isWritable() {
			return this.delegate.isWritable();
		}

		@Override
		public boolean exists() {
			boolean exists = this.delegate.exists();
			if (!exists) {
				URI uri = this.delegate.getUri();
				if (uri != null) {
					this.recording.missing(uri);
				}
				else {
					this.recording.inconsistent("a missing resource without a URI: " + this.delegate.getPath());
				}
			}
			return exists;
		}

		@Override
		public Resource resolve(String other) {
			return new RecordingResource(this.delegate.resolve(other), this.recording);
		}

		@Override
		public Resource resolveSibling(String other) {
			return new RecordingResource(this.delegate.resolveSibling(other), this.recording);
		}

		@Override
		public OutputStream openOutputStream(OpenOptions openOptions) throws IOException {
			return this.delegate.openOutputStream(openOptions);
		}

		@Override
		public URI getUri() {
			return this.delegate.getUri();
		}

		@Override
		public boolean equals(Object other) {
			return (other instanceof RecordingResource resource) ? this.delegate.equals(resource.delegate)
					: this.delegate.equals(other);
		}

		@Override
		public int hashCode() {
			return this.delegate.hashCode();
		}

		@Override
		public String toString() {
			return this.delegate.toString();
		}

	}

	/**
	 * Digests what Liquibase reads; on close, also the rest it did not read, so that the
	 * digest always covers the whole file.
	 */
	private static final class DigestingInputStream extends FilterInputStream {

		private final URI uri;

		private final Recording recording;

		private final MessageDigest digest = Inputs.sha256();

		private final ByteArrayOutputStream content = new ByteArrayOutputStream();

		private boolean closed;

		DigestingInputStream(InputStream in, URI uri, Recording recording) {
			super(in);
			this.uri = uri;
			this.recording = recording;
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				this.digest.update((byte) read);
				this.content.write(read);
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			if (read > 0) {
				this.digest.update(buffer, offset, read);
				this.content.write(buffer, offset, read);
			}
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			byte[] buffer = new byte[(int) Math.min(n, 8192)];
			int read = read(buffer, 0, buffer.length);
			return Math.max(read, 0);
		}

		@Override
		public boolean markSupported() {
			return false;
		}

		@Override
		public void close() throws IOException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				byte[] buffer = new byte[8192];
				while (read(buffer, 0, buffer.length) >= 0) {
					// digest the rest of the file
				}
				this.recording.read(this.uri, Inputs.hex(this.digest.digest()), this.content.toByteArray());
			}
			catch (IOException ex) {
				this.recording.inconsistent("could not read " + this.uri + ": " + ex.getMessage());
			}
			finally {
				super.close();
			}
		}

	}

}
