package io.bootmigrations.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for the {@link MigrationsInitializer}: every bean
 * that uses the database ({@code JdbcTemplate}, {@code JdbcClient}, JPA, anything
 * {@code @DependsOnDatabaseInitialization}) is created after the migration, as with
 * Boot's own {@code SpringLiquibase} bean.
 */
final class MigrationsDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(MigrationsInitializer.class);
	}

	@Override
	public int getOrder() {
		// before the other targets' initializers, which Boot then makes depend on it
		return 0;
	}

}
