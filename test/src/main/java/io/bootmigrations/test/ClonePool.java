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

package io.bootmigrations.test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.schema.ScratchDatabase;
import io.bootmigrations.schema.ScratchSpace;

/**
 * Clones of one template database made ahead of time, on a background thread, while the
 * tests run: a test class takes a clone that is already there instead of waiting for
 * {@code CREATE DATABASE … TEMPLATE}, and gives it back to be dropped in the background.
 * <p>
 * At most {@code size} clones wait at any time; each is handed out once. Clones are named
 * {@code bm_pool_<run>_<n>}, where {@code <run>} identifies this JVM, which holds a
 * connection named {@code bm_pool_<run>} ({@code application_name}) for as long as it
 * lives. Every pool drops, when it starts, the clones of runs whose connection is gone (a
 * killed JVM); a JVM that ends normally drops its own (the clones are scratch databases,
 * dropped by a shutdown hook).
 */
final class ClonePool {

	static final String PREFIX = "bm_pool_";

	private static final Log logger = LogFactory.getLog(ClonePool.class);

	private static final Pattern NAME = Pattern.compile("bm_pool_([0-9a-f]{12})_\\d+");

	private static final String RUN = UUID.randomUUID().toString().replace("-", "").substring(0, 12);

	private static final Map<String, ClonePool> pools = new ConcurrentHashMap<>();

	private static final AtomicInteger sequence = new AtomicInteger();

	private static final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "migrated-database-pool");
		thread.setDaemon(true);
		return thread;
	});

	static {
		// a drop that has begun finishes before the JVM ends (its clone's own hook is
		// gone);
		// queued work is dropped, and the clones it held are dropped by their own hooks
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			worker.shutdownNow();
			try {
				worker.awaitTermination(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}, "migrated-database-pool-shutdown"));
	}

	private static @Nullable Connection holder;

	private final ScratchSpace space;

	private final String template;

	private final @Nullable String strategy;

	private final int size;

	private final ConcurrentLinkedQueue<ScratchDatabase> ready = new ConcurrentLinkedQueue<>();

	private final AtomicInteger planned = new AtomicInteger();

	private volatile @Nullable RuntimeException failure;

	private ClonePool(ScratchSpace space, String template, @Nullable String strategy, int size) {
		this.space = space;
		this.template = template;
		this.strategy = strategy;
		this.size = size;
	}

	/**
	 * The pool of clones of the template on the server, started (and stale clones of
	 * killed runs dropped) on first use.
	 * @param server the server
	 * @param serverKey what identifies the server (its URL)
	 * @param space where the clones are made
	 * @param template the template database
	 * @param strategy the {@code CREATE DATABASE} strategy, or {@code null}
	 * @param size how many clones may wait
	 * @return the pool
	 */
	static ClonePool of(DataSource server, String serverKey, ScratchSpace space, String template,
			@Nullable String strategy, int size) {
		return pools.computeIfAbsent(serverKey + "|" + template + "|" + strategy + "|" + size, (key) -> {
			hold(server);
			dropStale(server);
			return new ClonePool(space, template, strategy, size);
		});
	}

	/**
	 * A clone for one test class (or test), never handed out before: a waiting one if
	 * there is one, else made now. Tops the pool up in the background.
	 * @return the clone
	 */
	ScratchDatabase take() {
		ScratchDatabase clone = this.ready.poll();
		if (clone != null) {
			this.planned.decrementAndGet();
		}
		else {
			clone = create();
		}
		refill();
		return clone;
	}

	/**
	 * Drop a clone that was handed out, in the background.
	 * @param clone the clone
	 */
	void release(ScratchDatabase clone) {
		worker.execute(clone::close);
	}

	/**
	 * How many clones wait to be handed out.
	 * @return the count
	 */
	int waiting() {
		return this.ready.size();
	}

	private void refill() {
		if (this.failure != null) {
			return;
		}
		while (true) {
			int now = this.planned.get();
			if (now >= this.size) {
				return;
			}
			if (this.planned.compareAndSet(now, now + 1)) {
				worker.execute(this::makeOne);
			}
		}
	}

	private void makeOne() {
		try {
			this.ready.add(create());
		}
		catch (RuntimeException ex) {
			// made on demand from now on, where the error reaches the test
			this.failure = ex;
			this.planned.decrementAndGet();
			logger.warn("Cannot make a clone of " + this.template + " ahead of time: " + ex.getMessage());
		}
	}

	private ScratchDatabase create() {
		return this.space.createDatabase(PREFIX + RUN + "_" + sequence.incrementAndGet(), this.template, this.strategy);
	}

	/**
	 * Wait until the background work queued so far is done.
	 * @param seconds how long to wait at most
	 * @return whether it is done
	 */
	static boolean awaitBackground(long seconds) {
		var done = worker.submit(() -> {
		});
		try {
			done.get(seconds, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * This JVM's run, as it appears in the clones' names.
	 * @return the run
	 */
	static String run() {
		return RUN;
	}

	private static synchronized void hold(DataSource server) {
		if (holder != null) {
			return;
		}
		try {
			Connection connection = server.getConnection();
			connection.setClientInfo("ApplicationName", PREFIX + RUN);
			holder = connection;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(
					"Cannot connect to the PostgreSQL server of the migrated databases: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Drop the clones of runs that no longer hold their connection (killed JVMs).
	 * @param server the server
	 * @return the names dropped
	 */
	static List<String> dropStale(DataSource server) {
		List<String> dropped = new ArrayList<>();
		try (Connection connection = server.getConnection()) {
			Set<String> live = ConcurrentHashMap.newKeySet();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT application_name FROM pg_stat_activity "
							+ "WHERE application_name LIKE 'bm\\_pool\\_%'")) {
				while (rs.next()) {
					live.add(rs.getString(1));
				}
			}
			List<String> candidates = new ArrayList<>();
			try (PreparedStatement query = connection
				.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE 'bm\\_pool\\_%'");
					ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					candidates.add(rs.getString(1));
				}
			}
			for (String name : candidates) {
				Matcher matcher = NAME.matcher(name);
				if (!matcher.matches() || live.contains(PREFIX + matcher.group(1))) {
					continue;
				}
				try (Statement drop = connection.createStatement()) {
					drop.execute("DROP DATABASE IF EXISTS \"" + name + "\" WITH (FORCE)");
					dropped.add(name);
					logger.info("Dropped the clone " + name + " left behind by a killed test run");
				}
				catch (SQLException ex) {
					logger.debug("Could not drop the stale clone " + name, ex);
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not look for stale clones", ex);
		}
		return dropped;
	}

}
