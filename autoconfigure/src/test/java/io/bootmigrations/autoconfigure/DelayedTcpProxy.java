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
