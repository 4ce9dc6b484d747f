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

/**
 * A loopback TCP proxy to a database that starts accepting connections only after a
 * delay: a database that comes up late, as seen from the application.
 */
final class DelayedTcpProxy implements AutoCloseable {

	private final int port;

	private final Thread acceptor;

	private final List<AutoCloseable> resources = new CopyOnWriteArrayList<>();

	private volatile boolean closed;

	DelayedTcpProxy(int targetPort, Duration delay) {
		this.port = freePort();
		this.acceptor = new Thread(() -> run(targetPort, delay), "delayed-proxy-" + this.port);
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

	private void run(int targetPort, Duration delay) {
		try {
			Thread.sleep(delay.toMillis());
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

	private static void pipe(InputStream in, OutputStream out) {
		Thread thread = new Thread(() -> {
			try (in; out) {
				in.transferTo(out);
			}
			catch (IOException ex) {
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
