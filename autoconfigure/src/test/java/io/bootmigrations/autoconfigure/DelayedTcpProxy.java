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

package io.bootmigrations.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * A loopback TCP proxy to a database that starts accepting connections only after a
 * delay: a database that comes up late, as seen from the application. It can also
 * {@link #freeze()}: a network that stops forwarding.
 */
final class DelayedTcpProxy implements AutoCloseable {

	private final int port;

	private final Thread acceptor;

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	private volatile boolean frozen;

	DelayedTcpProxy(int targetPort, Duration delay) {
		this(targetPort, deadline(delay));
	}

	/**
	 * A proxy that starts accepting once {@code open} answers true (polled), so a test
	 * can open it on an event, such as a first refused attempt, rather than after a time
	 * that a slow JVM start could outlast.
	 */
	DelayedTcpProxy(int targetPort, BooleanSupplier open) {
		this.port = freePort();
		this.acceptor = new Thread(() -> run(targetPort, open), "delayed-proxy-" + this.port);
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	int port() {
		return this.port;
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static BooleanSupplier deadline(Duration delay) {
		long end = System.nanoTime() + delay.toNanos();
		return () -> System.nanoTime() >= end;
	}

	private void run(int targetPort, BooleanSupplier open) {
		try {
			while (!open.getAsBoolean()) {
				Thread.sleep(50);
			}
			try (ServerSocket server = new ServerSocket(this.port, 50, InetAddress.getLoopbackAddress())) {
				this.resources.add(server);
				while (!this.closed) {
					Socket client = server.accept();
					Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
					this.resources.add(client);
					this.resources.add(target);
					pipe(client.getInputStream(), target.getOutputStream());
					pipe(target.getInputStream(), client.getOutputStream());
				}
			}
		}
		catch (IOException | InterruptedException ex) {
			// closed
		}
	}

	/**
	 * Stop forwarding in both directions, as a network that silently drops packets would:
	 * nothing more reaches either side, and neither side learns that the other closed.
	 */
	void freeze() {
		this.frozen = true;
	}

	private void pipe(InputStream in, OutputStream out) {
		Thread thread = new Thread(() -> {
			try {
				byte[] buffer = new byte[8192];
				for (int read = in.read(buffer); read >= 0 && !this.frozen; read = in.read(buffer)) {
					out.write(buffer, 0, read);
					out.flush();
				}
				while (this.frozen && !this.closed) {
					Thread.sleep(100);
				}
				in.close();
				out.close();
			}
			catch (IOException | InterruptedException ex) {
				// one side closed
			}
		});
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void close() throws Exception {
		this.closed = true;
		this.acceptor.interrupt();
		for (AutoCloseable resource : this.resources) {
			resource.close();
		}
	}

}
