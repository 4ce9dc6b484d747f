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

import java.util.function.Supplier;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.resource.ResourceAccessor;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.schema.ScratchDatabase;
import io.bootmigrations.schema.ScratchSpace;

/**
 * A freshly migrated PostgreSQL database for each test class, or each test: the changelog
 * is migrated once per fingerprint into a template database, and each class (or test)
 * gets {@code CREATE DATABASE … TEMPLATE} of it, made ahead of time in the background
 * ({@link #poolSize(int)}) and dropped afterwards. <pre class="code">
 * &#64;RegisterExtension
 * static final MigratedDatabase database = MigratedDatabase
 *     .forChangeLog("classpath:db/changelog/db.changelog-master.yaml")
 *     .onServer("jdbc:postgresql://localhost:5432/postgres", "postgres", "secret");
 * </pre> Tests take the database's {@link DataSource} as a parameter or from
 * {@link #dataSource()}. With Testcontainers, pass the container's coordinates lazily:
 * {@code onServer(postgres::getJdbcUrl, postgres::getUsername, postgres::getPassword)}.
 */
public final class MigratedDatabase
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	/**
	 * The system property that sets the default {@link #poolSize(int) pool size}.
	 */
	public static final String POOL_SIZE_PROPERTY = "migrations.test.pool-size";

	/**
	 * The system property that sets the default {@link #cloneStrategy(CloneStrategy)
	 * clone strategy} ({@code WAL_LOG} or {@code FILE_COPY}).
	 */
	public static final String STRATEGY_PROPERTY = "migrations.test.clone-strategy";

	/**
	 * The default number of clones made ahead of time.
	 */
	public static final int DEFAULT_POOL_SIZE = 2;

	private final MigrationSettings settings;

	private final ResourceAccessor accessor;

	private final Supplier<String> url;

	private final Supplier<@Nullable String> username;

	private final Supplier<@Nullable String> password;

	private final boolean perTest;

	private final int poolSize;

	private final @Nullable CloneStrategy strategy;

	private @Nullable ScratchDatabase current;

	private @Nullable ClonePool pool;

	private MigratedDatabase(MigrationSettings settings, ResourceAccessor accessor, Supplier<String> url,
			Supplier<@Nullable String> username, Supplier<@Nullable String> password, boolean perTest, int poolSize,
			@Nullable CloneStrategy strategy) {
		this.settings = settings;
		this.accessor = accessor;
		this.url = url;
		this.username = username;
		this.password = password;
		this.perTest = perTest;
		this.poolSize = poolSize;
		this.strategy = strategy;
	}

	/**
	 * A database migrated with the given changelog, found on the classpath like Spring
	 * Boot finds it ({@code classpath:db/changelog/db.changelog-master.yaml}).
	 * @param changeLog the changelog location
	 * @return the extension, still to be pointed at a server
	 */
	public static MigratedDatabase forChangeLog(String changeLog) {
		return forSettings(MigrationSettings.forChangeLog(changeLog).build(),
				new SpringResourceAccessor(new DefaultResourceLoader()));
	}

	/**
	 * A database migrated with the given settings (contexts, labels, parameters, schema)
	 * and resource accessor.
	 * @param settings the migration settings
	 * @param accessor how Liquibase finds the changelog files
	 * @return the extension, still to be pointed at a server
	 */
	public static MigratedDatabase forSettings(MigrationSettings settings, ResourceAccessor accessor) {
		return new MigratedDatabase(settings, accessor, () -> {
			throw new IllegalStateException("No PostgreSQL server: call onServer(...) on the MigratedDatabase");
		}, () -> null, () -> null, false, Integer.getInteger(POOL_SIZE_PROPERTY, DEFAULT_POOL_SIZE),
				CloneStrategy.fromProperty(System.getProperty(STRATEGY_PROPERTY)));
	}

	/**
	 * The PostgreSQL server on which the template and the clones are made. Its user needs
	 * the {@code CREATEDB} privilege.
	 * @param jdbcUrl the URL of any database of the server
	 * @param username the user
	 * @param password the password
	 * @return a copy of this extension using that server
	 */
	public MigratedDatabase onServer(String jdbcUrl, @Nullable String username, @Nullable String password) {
		return onServer(() -> jdbcUrl, () -> username, () -> password);
	}

	/**
	 * The PostgreSQL server, read when the first database is needed: for a Testcontainers
	 * container that starts later.
	 * @param jdbcUrl the URL of any database of the server
	 * @param username the user
	 * @param password the password
	 * @return a copy of this extension using that server
	 */
	public MigratedDatabase onServer(Supplier<String> jdbcUrl, Supplier<@Nullable String> username,
			Supplier<@Nullable String> password) {
		return new MigratedDatabase(this.settings, this.accessor, jdbcUrl, username, password, this.perTest,
				this.poolSize, this.strategy);
	}

	/**
	 * A fresh database for every test, instead of one per test class.
	 * @return a copy of this extension that clones per test
	 */
	public MigratedDatabase perTest() {
		return new MigratedDatabase(this.settings, this.accessor, this.url, this.username, this.password, true,
				this.poolSize, this.strategy);
	}

	/**
	 * How many clones of the template are made ahead of time, in the background, while
	 * the tests run (default {@value #DEFAULT_POOL_SIZE}, or the system property
	 * {@value #POOL_SIZE_PROPERTY}); {@code 0} makes each clone when a test class needs
	 * it. Each clone is handed out once and dropped after its class (or test), in the
	 * background; the ones left when the JVM ends are dropped then, and those of a killed
	 * run by the next run on the same server.
	 * @param size the number of clones that may wait
	 * @return a copy of this extension with that pool size
	 */
	public MigratedDatabase poolSize(int size) {
		if (size < 0) {
			throw new IllegalArgumentException("The pool size must be 0 or more, not " + size);
		}
		return new MigratedDatabase(this.settings, this.accessor, this.url, this.username, this.password, this.perTest,
				size, this.strategy);
	}

	/**
	 * How PostgreSQL (15 and later) copies the template: {@link CloneStrategy#FILE_COPY}
	 * is faster for small databases, {@link CloneStrategy#WAL_LOG} is the server's
	 * default (also from the system property {@value #STRATEGY_PROPERTY}).
	 * @param strategy the strategy
	 * @return a copy of this extension with that strategy
	 */
	public MigratedDatabase cloneStrategy(CloneStrategy strategy) {
		return new MigratedDatabase(this.settings, this.accessor, this.url, this.username, this.password, this.perTest,
				this.poolSize, strategy);
	}

	/**
	 * The current test's database.
	 * @return its data source
	 */
	public DataSource dataSource() {
		return current().dataSource();
	}

	/**
	 * The current test's database's JDBC URL, for {@code spring.datasource.url}
	 * ({@code @DynamicPropertySource}). It carries whatever credentials the server's URL
	 * carries.
	 * @return the URL
	 */
	public String jdbcUrl() {
		return current().jdbcUrl();
	}

	/**
	 * The current test's database's name.
	 * @return the name
	 */
	public String name() {
		return current().name();
	}

	/**
	 * The user of the server.
	 * @return the user
	 */
	public @Nullable String username() {
		return this.username.get();
	}

	/**
	 * The password of the server.
	 * @return the password
	 */
	public @Nullable String password() {
		return this.password.get();
	}

	/**
	 * The template database the current database was cloned from.
	 * @return its name
	 */
	public String templateName() {
		return TemplateDatabases.template(space(), server(), this.settings, this.accessor);
	}

	MigrationSettings settings() {
		return this.settings;
	}

	ResourceAccessor accessor() {
		return this.accessor;
	}

	String serverUrl() {
		return this.url.get();
	}

	DataSource server() {
		return new DriverManagerDataSource(this.url.get(), this.username.get(), this.password.get());
	}

	ScratchSpace space() {
		return new ScratchSpace(server(), "MigratedDatabase.onServer(...)");
	}

	private ScratchDatabase current() {
		ScratchDatabase current = this.current;
		if (current == null) {
			throw new IllegalStateException("No migrated database outside a test: register the MigratedDatabase "
					+ "with @RegisterExtension on a static field (or on an instance field with perTest())");
		}
		return current;
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!this.perTest) {
			open();
		}
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		if (this.perTest || this.current == null) {
			open();
		}
	}

	@Override
	public void afterEach(ExtensionContext context) {
		if (this.perTest) {
			close();
		}
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	private void open() {
		ClonePool pool = this.pool;
		if (pool == null) {
			ScratchSpace space = space();
			DataSource server = server();
			String template = TemplateDatabases.template(space, server, this.settings, this.accessor);
			pool = ClonePool.of(server, this.url.get(), space, template,
					(this.strategy != null) ? this.strategy.name() : null, this.poolSize);
			this.pool = pool;
		}
		this.current = pool.take();
	}

	private void close() {
		ScratchDatabase current = this.current;
		ClonePool pool = this.pool;
		this.current = null;
		if (current != null && pool != null) {
			pool.release(current);
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == DataSource.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return dataSource();
	}

}
