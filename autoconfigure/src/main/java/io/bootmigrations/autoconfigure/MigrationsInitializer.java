package io.bootmigrations.autoconfigure;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationSettings;

/**
 * Migrates the database while the application context refreshes, through the
 * {@link MigrationEngine}.
 * <p>
 * It is a {@link SpringLiquibase} on purpose: Spring Boot then sees the database as
 * initialized by Liquibase, so every bean that uses the database
 * ({@code JdbcTemplate}, {@code JdbcClient}, JPA, anything
 * {@code @DependsOnDatabaseInitialization}) is created after it, Boot's own Liquibase
 * auto-configuration backs off, Hibernate is told the schema is managed, and
 * {@code /actuator/liquibase} keeps working.
 */
public class MigrationsInitializer extends SpringLiquibase {

	private final MigrationEngine engine;

	private final @Nullable MigrationStrategy strategy;

	/**
	 * Create an initializer.
	 * @param engine the engine that migrates
	 * @param dataSource the data source the engine migrates, as reported to Boot's
	 * Liquibase endpoint
	 * @param strategy what to do instead of migrating, if anything
	 */
	public MigrationsInitializer(MigrationEngine engine, DataSource dataSource, @Nullable MigrationStrategy strategy) {
		this.engine = engine;
		this.strategy = strategy;
		MigrationSettings settings = engine.settings();
		setDataSource(dataSource);
		setChangeLog(settings.changeLog());
		setContexts(settings.contexts());
		setLabelFilter(settings.labelFilter());
		setDefaultSchema(settings.defaultSchema());
		setLiquibaseSchema(settings.liquibaseSchema());
		setLiquibaseTablespace(settings.liquibaseTablespace());
		setDatabaseChangeLogTable(settings.changeLogTable());
		setDatabaseChangeLogLockTable(settings.lockTable());
		setChangeLogParameters(settings.parameters());
		setTag(settings.tag());
	}

	/**
	 * The engine this initializer runs.
	 * @return the engine
	 */
	public MigrationEngine getEngine() {
		return this.engine;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strategy != null) {
			this.strategy.migrate(this.engine);
		}
		else {
			this.engine.migrate();
		}
	}

}
