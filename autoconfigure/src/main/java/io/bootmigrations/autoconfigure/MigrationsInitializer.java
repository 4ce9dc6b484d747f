package io.bootmigrations.autoconfigure;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.jspecify.annotations.Nullable;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.bootmigrations.autoconfigure.MigrationsProperties.Mode;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.ValidationResult;

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

	private static final Log logger = LogFactory.getLog(MigrationsInitializer.class);

	private final MigrationEngine engine;

	private final @Nullable MigrationStrategy strategy;

	private final Mode mode;

	/**
	 * Create an initializer.
	 * @param engine the engine that migrates
	 * @param dataSource the data source the engine migrates, as reported to Boot's
	 * Liquibase endpoint
	 * @param strategy what to do instead of migrating, if anything
	 */
	public MigrationsInitializer(MigrationEngine engine, DataSource dataSource, @Nullable MigrationStrategy strategy) {
		this(engine, dataSource, strategy, Mode.MIGRATE);
	}

	/**
	 * Create an initializer.
	 * @param engine the engine that migrates
	 * @param dataSource the data source the engine migrates, as reported to Boot's
	 * Liquibase endpoint
	 * @param strategy what to do instead of migrating in {@link Mode#MIGRATE}, if
	 * anything
	 * @param mode what to do on boot
	 */
	public MigrationsInitializer(MigrationEngine engine, DataSource dataSource, @Nullable MigrationStrategy strategy,
			Mode mode) {
		this.engine = engine;
		this.strategy = strategy;
		this.mode = mode;
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
		if (this.mode == Mode.OFF) {
			logger.info("Migrations: migrations.mode=off, the database is left as it is");
			return;
		}
		if (this.mode == Mode.VALIDATE) {
			ValidationResult result = this.engine.validate();
			MigrationFailure failure = result.toFailure();
			if (failure != null) {
				throw new MigrationException(failure, null);
			}
			logger.info("Migrations: migrations.mode=validate, the database matches the changelog ("
					+ result.status().applied().size() + " applied)");
			return;
		}
		if (this.strategy != null) {
			this.strategy.migrate(this.engine);
		}
		else {
			this.engine.migrate();
		}
	}

}
