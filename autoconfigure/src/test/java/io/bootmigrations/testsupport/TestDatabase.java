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

package io.bootmigrations.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database of its own for one test class, created on a real server and dropped
 * afterwards.
 *
 * @param server the server it lives on
 * @param name the database name
 * @param jdbcUrl its JDBC URL, without credentials
 * @param username the user
 * @param password the password
 */
public record TestDatabase(TestDatabaseServer server, String name, String jdbcUrl, String username,
		String password) implements AutoCloseable {

	/**
	 * A data source that opens a new connection per call.
	 * @return the data source
	 */
	public DataSource dataSource() {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(this.jdbcUrl, this.username, this.password);
		return dataSource;
	}

	/**
	 * A JDBC template on {@link #dataSource()}.
	 * @return the template
	 */
	public JdbcTemplate jdbc() {
		return new JdbcTemplate(dataSource());
	}

	/**
	 * Spring Boot properties that point {@code spring.datasource.*} at this database.
	 * @return the properties, as {@code key=value}
	 */
	public String[] properties() {
		return new String[] { "spring.datasource.url=" + this.jdbcUrl, "spring.datasource.username=" + this.username,
				"spring.datasource.password=" + this.password };
	}

	/**
	 * The same properties, as a map.
	 * @return the properties
	 */
	public Map<String, Object> propertyMap() {
		return Map.of("spring.datasource.url", this.jdbcUrl, "spring.datasource.username", this.username,
				"spring.datasource.password", this.password);
	}

	/**
	 * Names of the tables in the database's default schema.
	 * @return lower-case table names
	 */
	public List<String> tables() {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, this.username, this.password)) {
			List<String> tables = new ArrayList<>();
			String schema = connection.getSchema();
			try (var rows = connection.getMetaData()
				.getTables(connection.getCatalog(), schema, "%", new String[] { "TABLE" })) {
				while (rows.next()) {
					tables.add(rows.getString("TABLE_NAME").toLowerCase(java.util.Locale.ROOT));
				}
			}
			return tables;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Run something with a connection to this database.
	 * @param <T> the result type
	 * @param action the action
	 * @return its result
	 */
	public <T> T withConnection(Function<Connection, T> action) {
		try (Connection connection = DriverManager.getConnection(this.jdbcUrl, this.username, this.password)) {
			return action.apply(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Execute SQL statements.
	 * @param statements the statements
	 */
	public void execute(String... statements) {
		withConnection((connection) -> {
			try (Statement statement = connection.createStatement()) {
				for (String sql : statements) {
					statement.execute(sql);
				}
				return null;
			}
			catch (SQLException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Override
	public void close() {
		this.server.drop(this);
	}

	/**
	 * Start a non-web application on this database: its {@link #properties()}, then
	 * {@code extra} ({@code key=value}, a later key wins).
	 * @param app the application's configuration class
	 * @param extra more properties
	 * @return the running context
	 */
	public ConfigurableApplicationContext boot(Class<?> app, String... extra) {
		SpringApplication application = new SpringApplication(app);
		application.setWebApplicationType(WebApplicationType.NONE);
		Map<String, String> properties = new LinkedHashMap<>();
		List<String> all = new ArrayList<>(List.of(properties()));
		all.addAll(List.of(extra));
		for (String property : all) {
			properties.put(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
		}
		List<String> args = new ArrayList<>();
		properties.forEach((key, value) -> args.add("--" + key + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

}
