package io.bootmigrations.targets;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;

/**
 * A {@link DatabaseInitializerDetector} for {@link TargetsInitializer}: beans that use a
 * database are created after every target has been migrated. Ordered after the
 * detector of the {@code default} target's initializer (order 0), so that the
 * {@code default} target migrates first: Boot makes later initializers depend on earlier
 * ones.
 */
class TargetsInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(TargetsInitializer.class);
	}

	@Override
	public int getOrder() {
		return 1;
	}

}
