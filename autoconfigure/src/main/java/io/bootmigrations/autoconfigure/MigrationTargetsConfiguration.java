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

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;
import org.springframework.util.function.SingletonSupplier;

import io.bootmigrations.autoconfigure.properties.Execution;
import io.bootmigrations.autoconfigure.properties.Mode;
import io.bootmigrations.autoconfigure.properties.OnFailure;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.MigrationStatus;
import io.bootmigrations.engine.fastpath.ChangeLogHistory;
import io.bootmigrations.engine.fastpath.FastPathBatch;
import io.bootmigrations.targets.TargetDefinition;
import io.bootmigrations.targets.TargetEngineFactory;
import io.bootmigrations.targets.TargetEngines.TargetsCustomizer;
import io.bootmigrations.targets.TargetEngines;
import io.bootmigrations.targets.TargetListenerFactory;
import io.bootmigrations.targets.TargetProperties;
import io.bootmigrations.targets.TargetsInitializer;

/**
 * Several databases and tenant schemas (issue #11): the targets of
 * {@code migrations.targets.*} and of {@link TargetsCustomizer} beans, each migrated by
 * an engine of its own, all of them in parallel after the {@code default} target.
 */
@Configuration(proxyBeanMethods = false)
class MigrationTargetsConfiguration {

	@Bean
	TargetEngines migrationTargets(ObjectProvider<MigrationEngine> migrationEngine, MigrationsProperties properties,
			ResourceLoader resourceLoader, ObjectProvider<MigrationListener> listeners,
			ObjectProvider<TargetListenerFactory> targetListeners, ObjectProvider<DataSource> dataSource,
			BeanFactory beanFactory, ObjectProvider<TargetsCustomizer> customizers,
			MigrationScheduler migrationScheduler) {
		FastPathBatch fastPaths = MigrationsAutoConfiguration.fastPathBatch(resourceLoader, properties);
		// looked up once for all targets (hundreds of tenants), when the first is
		// prepared
		SingletonSupplier<List<MigrationListener>> shared = SingletonSupplier
			.of(() -> listeners.orderedStream().filter(MigrationTargetsConfiguration::sharedByTargets).toList());
		SingletonSupplier<List<TargetListenerFactory>> perTarget = SingletonSupplier
			.of(() -> targetListeners.orderedStream().toList());
		TargetEngineFactory factory = new TargetEngineFactory() {

			@Override
			public List<MigrationListener> listeners(String id, Supplier<MigrationStatus> status) {
				List<MigrationListener> engineListeners = new ArrayList<>(shared.obtain());
				perTarget.obtain()
					.forEach((factoryOfListener) -> engineListeners.add(factoryOfListener.create(id, status::get)));
				return engineListeners;
			}

			@Override
			public MigrationEngine create(TargetDefinition target, List<MigrationListener> engineListeners) {
				return MigrationsAutoConfiguration.engine(target.dataSource(), target.settings(), resourceLoader,
						engineListeners, properties, migrationScheduler);
			}

			@Override
			public Map<String, ChangeLogHistory> upToDate(Connection connection,
					Map<String, MigrationSettings> schemas) {
				return (fastPaths != null) ? fastPaths.check(connection, schemas) : Map.of();
			}

		};
		TargetEngines targets = new TargetEngines(factory, migrationEngine::getIfAvailable, properties.getParallelism(),
				properties.getStartup().getWaitForDatabase());
		properties.getTargets().forEach((name, target) -> {
			if (target.isEnabled()) {
				register(targets, name, target, resourceLoader, beanFactory, dataSource);
			}
		});
		customizers.orderedStream().forEach((customizer) -> customizer.customize(targets));
		return targets;
	}

	@Bean
	TargetsInitializer migrationTargetsInitializer(TargetEngines migrationTargets, MigrationsProperties properties) {
		// runs after the 'liquibase' bean (the default target): see
		// TargetsInitializerDetector
		return new TargetsInitializer(migrationTargets, properties.getMode() == Mode.OFF,
				properties.getMode() == Mode.VALIDATE, properties.getOnFailure() == OnFailure.FAIL,
				properties.getExecution() == Execution.BACKGROUND);
	}

	/**
	 * Whether a listener of the application also listens to every other target. Not the
	 * {@code default} target's metrics (tagged {@code default}: each target gets its own
	 * through {@link TargetListenerFactory}), nor the drift warnings, whose check covers
	 * the {@code default} target only and would otherwise run again after every tenant.
	 * (Readiness follows all targets through the health indicator.)
	 */
	static boolean sharedByTargets(MigrationListener listener) {
		String type = listener.getClass().getName();
		return !type.equals("io.bootmigrations.actuate.MigrationMetrics")
				&& !type.equals("io.bootmigrations.schema.DriftWarnings");
	}

	private static void register(TargetEngines targets, String name, TargetProperties target,
			ResourceLoader resourceLoader, BeanFactory beanFactory, ObjectProvider<DataSource> appDataSource) {
		String prefix = "migrations.targets." + name + ".";
		String changeLog = target.getChangeLog();
		if (!StringUtils.hasText(changeLog) || !resourceLoader.getResource(changeLog).exists()) {
			throw new InvalidConfigurationPropertyValueException(prefix + "change-log", changeLog,
					"Target '" + name + "' has no changelog at '" + changeLog
							+ "'; set it to an existing file such as classpath:db/" + name + "/changelog.yaml");
		}
		if (!target.getSchemas().isEmpty() && StringUtils.hasText(target.getLiquibaseSchema())) {
			throw new InvalidConfigurationPropertyValueException(prefix + "liquibase-schema",
					target.getLiquibaseSchema(), "Target '" + name + "' has tenant schemas, each with its own "
							+ "DATABASECHANGELOG in the tenant's schema; remove liquibase-schema");
		}
		TargetDefinition definition = new TargetDefinition(name, null,
				dataSource(prefix, target, beanFactory, appDataSource),
				MigrationsAutoConfiguration.settings(target, null), target.isCreateSchemas());
		boolean tenants = !target.getSchemas().isEmpty() || StringUtils.hasText(target.getSchemasQuery());
		if (tenants) {
			targets.registerTenants(definition, target.getSchemas(),
					StringUtils.hasText(target.getSchemasQuery()) ? target.getSchemasQuery() : null);
		}
		else {
			targets.register(definition);
		}
	}

	/**
	 * The target's DataSource: a bean by name, a connection of its own from its url, or
	 * (without either) connections of its own derived from the application's DataSource,
	 * so that parallel migrations never take connections from the application's pool.
	 */
	private static DataSource dataSource(String prefix, TargetProperties target, BeanFactory beanFactory,
			ObjectProvider<DataSource> appDataSource) {
		String bean = target.getDataSource();
		if (StringUtils.hasText(bean)) {
			try {
				return beanFactory.getBean(bean, DataSource.class);
			}
			catch (NoSuchBeanDefinitionException ex) {
				throw new InvalidConfigurationPropertyValueException(prefix + "data-source", bean,
						"No DataSource bean named '" + bean + "'; name an existing DataSource bean or set url");
			}
		}
		DataSourceBuilder<?> builder;
		if (StringUtils.hasText(target.getUrl())) {
			builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(target.getUrl());
		}
		else {
			DataSource application = appDataSource.getIfUnique();
			if (application == null) {
				throw new InvalidConfigurationPropertyValueException(prefix + "url", null,
						"The target has neither url nor data-source, and the application has no single DataSource "
								+ "to use instead");
			}
			try {
				builder = DataSourceBuilder.derivedFrom(application).type(SimpleDriverDataSource.class);
			}
			catch (RuntimeException ex) {
				return application; // a DataSource whose settings cannot be read: use it
									// as it is
			}
		}
		if (target.getUser() != null) {
			builder.username(target.getUser());
			builder.password(target.getPassword());
		}
		if (StringUtils.hasText(target.getDriverClassName())) {
			builder.driverClassName(target.getDriverClassName());
		}
		return builder.build();
	}

	/**
	 * Every target's status when there are targets besides {@code default}, else none.
	 */
	static Map<String, MigrationStatus> statuses(@Nullable TargetEngines targets) {
		return (targets != null && targets.hasTargets()) ? targets.statuses() : Map.of();
	}

	/**
	 * Every target's engine when there are targets besides {@code default}, else none.
	 */
	static Map<String, MigrationEngine> engines(@Nullable TargetEngines targets) {
		return (targets != null && targets.hasTargets()) ? targets.engines() : Map.of();
	}

	/**
	 * A target's engine (built now if needed), {@code null} without targets or for an
	 * unknown id.
	 */
	static @Nullable MigrationEngine engine(@Nullable TargetEngines targets, String id) {
		return (targets != null && targets.hasTargets()) ? targets.engine(id) : null;
	}

}
