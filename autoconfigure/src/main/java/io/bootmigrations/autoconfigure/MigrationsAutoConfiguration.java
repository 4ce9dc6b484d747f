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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Liquibase;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.change.DatabaseChange;
import liquibase.integration.spring.Customizer;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.ui.UIServiceEnum;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseConnectionDetails;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseDataSource;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseProperties;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import io.bootmigrations.autoconfigure.properties.LintProperties.OnBoot;
import io.bootmigrations.autoconfigure.properties.PostgresqlProperties;
import io.bootmigrations.autoconfigure.properties.SessionProperties;
import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationListener;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.ProgressLogger;
import io.bootmigrations.engine.RunInterceptor;
import io.bootmigrations.engine.Safeguards;
import io.bootmigrations.engine.SessionTimeouts;
import io.bootmigrations.engine.fastpath.FastPath;
import io.bootmigrations.engine.fastpath.FastPathBatch;
import io.bootmigrations.guard.PostgresLockGuard;
import io.bootmigrations.lint.LintOnBoot;
import io.bootmigrations.lint.Linter;
import io.bootmigrations.targets.TargetEngines;

/**
 * Migrates the application's database with Liquibase while the context refreshes, before
 * any bean that uses the database is created. Takes the place of Spring Boot's own
 * {@link LiquibaseAutoConfiguration}, which {@link BootLiquibaseAutoConfigurationFilter}
 * keeps out; backs off itself when the application defines a {@link SpringLiquibase} bean
 * of its own.
 * <p>
 * The map of features: the {@link MigrationEngine} does the work; the
 * {@link MigrationsInitializer} runs it on boot (in the background if asked, and
 * surviving a failure if asked); a {@link ProgressLogger} reports long runs;
 * {@link MigrationStatusRefresher} re-reads the database's history on an interval; both,
 * and the PostgreSQL lock guard, run their periodic work on the one
 * {@link MigrationScheduler}. The actuator endpoint, health indicator and metrics are
 * configured by {@link MigrationsEndpointAutoConfiguration},
 * {@link MigrationsHealthAutoConfiguration} (whose indicator, a member of the readiness
 * group, is how readiness follows migrations) and
 * {@link MigrationsMetricsAutoConfiguration}.
 */
@AutoConfiguration(before = LiquibaseAutoConfiguration.class, after = DataSourceAutoConfiguration.class)
@ConditionalOnClass({ SpringLiquibase.class, DatabaseChange.class })
@ConditionalOnBooleanProperty(name = "migrations.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty(name = "spring.liquibase.enabled", matchIfMissing = true)
@ConditionalOnMissingBean(SpringLiquibase.class)
@Conditional(MigrationsAutoConfiguration.MigrationsDataSourceCondition.class)
@EnableConfigurationProperties({ MigrationsProperties.class, LiquibaseProperties.class })
@Import({ DatabaseInitializationDependencyConfigurer.class, MigrationTargetsConfiguration.class })
public final class MigrationsAutoConfiguration {

	private static final Duration PROGRESS_LOG_INTERVAL = Duration.ofSeconds(5);

	@Bean
	@ConditionalOnMissingBean
	MigrationEngine migrationEngine(ObjectProvider<DataSource> dataSource,
			@LiquibaseDataSource ObjectProvider<DataSource> liquibaseDataSource, LiquibaseProperties liquibase,
			ObjectProvider<LiquibaseConnectionDetails> connectionDetails, ResourceLoader resourceLoader,
			ObjectProvider<MigrationListener> listeners, MigrationsProperties properties,
			ObjectProvider<Customizer<?>> customizers, MigrationScheduler migrationScheduler) {
		DataSource migrationDataSource = migrationDataSource(liquibaseDataSource.getIfAvailable(),
				dataSource.getIfUnique(), connectionDetails.getIfAvailable(() -> fromProperties(liquibase)));
		return engine(migrationDataSource, settings(liquibase, customizer(customizers)), resourceLoader,
				listeners.orderedStream().toList(), properties, migrationScheduler);
	}

	/**
	 * The starter's one scheduler (progress log, status refresh, the lock guard's watch
	 * of blocking sessions), closed with the context. A type of its own: the
	 * application's {@code TaskScheduler} (Boot's or its own) stays the application's.
	 */
	@Bean
	MigrationScheduler migrationScheduler() {
		return new MigrationScheduler();
	}

	/**
	 * Create an engine: the one place where engines are constructed, for the
	 * {@code default} target and every other target (issue #11).
	 */
	static MigrationEngine engine(DataSource dataSource, MigrationSettings settings, ResourceLoader resourceLoader,
			List<MigrationListener> listeners, MigrationsProperties properties, MigrationScheduler scheduler) {
		ResourceLoader fixed = withFixedClassLoader(resourceLoader);
		MigrationEngine engine = new MigrationEngine(dataSource, settings, new SpringResourceAccessor(fixed), listeners,
				safeguards(properties), properties.getFastPath().isEnabled() ? new FastPath(settings, fixed) : null,
				interceptors(properties, dataSource, scheduler));
		engine.setMaskedParameters(properties.getSqlPreview().getMaskedParameters());
		return engine;
	}

	/**
	 * The fast path of a target's tenant schemas, checked together, reading the changelog
	 * as the engines do; {@code null} when the fast path is off.
	 */
	static @Nullable FastPathBatch fastPathBatch(ResourceLoader resourceLoader, MigrationsProperties properties) {
		if (!properties.getFastPath().isEnabled()) {
			return null;
		}
		ResourceLoader fixed = withFixedClassLoader(resourceLoader);
		return new FastPathBatch(new SpringResourceAccessor(fixed), fixed);
	}

	/**
	 * The application's resource loader with its class loader fixed: Spring's loaders
	 * without one of their own ask the calling thread's context class loader at every
	 * lookup, so a lookup on another thread (a pool's, whose loader under Boot's
	 * launchers sees neither {@code BOOT-INF/} nor {@code loader.path}) would find
	 * nothing.
	 */
	private static ResourceLoader withFixedClassLoader(ResourceLoader resourceLoader) {
		DefaultResourceLoader fixed = new DefaultResourceLoader(resourceLoader.getClassLoader());
		if (resourceLoader instanceof DefaultResourceLoader loader) {
			loader.getProtocolResolvers().forEach(fixed::addProtocolResolver);
		}
		return fixed;
	}

	// --- zero-downtime guard rails (issue #13): lint on boot, then the PostgreSQL lock
	// guard

	static List<RunInterceptor> interceptors(MigrationsProperties properties, DataSource dataSource,
			MigrationScheduler scheduler) {
		List<RunInterceptor> interceptors = new ArrayList<>();
		OnBoot onBoot = properties.getLint().getOnBoot();
		if (onBoot != OnBoot.OFF) {
			interceptors.add(new LintOnBoot(linter(properties), onBoot == OnBoot.FAIL));
		}
		PostgresqlProperties postgresql = properties.getPostgresql();
		interceptors.add(new PostgresLockGuard(dataSource, postgresql.getLockTimeout(), postgresql.getLockRetries(),
				postgresql.getStatementTimeout(), scheduler));
		return interceptors;
	}

	@Bean
	@ConditionalOnMissingBean
	Linter migrationsLinter(MigrationsProperties properties) {
		return linter(properties);
	}

	static Linter linter(MigrationsProperties properties) {
		try {
			return new Linter(properties.getLint().getSuppress());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("migrations.lint.suppress",
					properties.getLint().getSuppress(), ex.getMessage());
		}
	}

	@Bean(name = "liquibase")
	MigrationsInitializer liquibase(MigrationEngine migrationEngine, ObjectProvider<MigrationStrategy> strategy,
			MigrationsProperties properties, ObjectProvider<TargetEngines> targets) {
		// the other targets' configuration is checked before the default target migrates
		targets.ifAvailable(TargetEngines::check);
		return new MigrationsInitializer(migrationEngine, migrationEngine.dataSource(), strategy.getIfAvailable(),
				properties.getMode(), properties.getOnFailure(), properties.getExecution());
	}

	/**
	 * Tells Hibernate that the schema of the migrated data source is managed (no
	 * {@code create-drop} default for an embedded database), as Boot's Liquibase support
	 * does for its {@code SpringLiquibase} bean.
	 */
	@Bean
	SchemaManagementProvider migrationsSchemaManagementProvider(ObjectProvider<MigrationsInitializer> initializer) {
		return (dataSource) -> initializer.stream().anyMatch((bean) -> dataSource.equals(bean.getDataSource()))
				? SchemaManagement.MANAGED : SchemaManagement.UNMANAGED;
	}

	@Bean
	OutOfOrderGuard migrationsOutOfOrderGuard(MigrationsProperties properties) {
		return new OutOfOrderGuard(properties.getOutOfOrder());
	}

	// --- operator view (issue #3): readiness, progress log, status refresh ---

	@Bean
	ProgressLogger migrationsProgressLogger(ObjectProvider<MigrationEngine> engine,
			MigrationScheduler migrationScheduler) {
		return new ProgressLogger(() -> engine.getObject().status(), PROGRESS_LOG_INTERVAL, migrationScheduler);
	}

	@Bean
	MigrationStatusRefresher migrationStatusRefresher(MigrationEngine migrationEngine, MigrationsProperties properties,
			MigrationScheduler migrationScheduler) {
		// validated with the other properties (MigrationsProperties#validate) before
		// anything runs
		return new MigrationStatusRefresher(migrationEngine, properties.getStatus().getRefreshInterval(),
				migrationScheduler);
	}

	/**
	 * The {@code Customizer<Liquibase>} beans, which Boot's own Liquibase support
	 * applies, as one, in their order. Neither the injection point nor any method of this
	 * class names {@code Liquibase} (see {@link LiquibaseCustomizers}).
	 */
	private static @Nullable Customizer<Liquibase> customizer(ObjectProvider<Customizer<?>> customizers) {
		return LiquibaseCustomizers.combine(customizers.orderedStream().toList());
	}

	static MigrationSettings settings(LiquibaseProperties liquibase, @Nullable Customizer<Liquibase> customizer) {
		return MigrationSettings.forChangeLog(liquibase.getChangeLog())
			.contexts(commaDelimited(liquibase.getContexts()))
			.labelFilter(commaDelimited(liquibase.getLabelFilter()))
			.defaultSchema(liquibase.getDefaultSchema())
			.liquibaseSchema(liquibase.getLiquibaseSchema())
			.liquibaseTablespace(liquibase.getLiquibaseTablespace())
			.changeLogTable(liquibase.getDatabaseChangeLogTable())
			.lockTable(liquibase.getDatabaseChangeLogLockTable())
			.parameters(liquibase.getParameters())
			.tag(liquibase.getTag())
			.dropFirst(liquibase.isDropFirst())
			.clearChecksums(liquibase.isClearChecksums())
			.testRollbackOnUpdate(liquibase.isTestRollbackOnUpdate())
			.analyticsEnabled(Boolean.TRUE.equals(liquibase.getAnalyticsEnabled()))
			.licenseKey(liquibase.getLicenseKey())
			.rollbackFile((liquibase.getRollbackFile() != null) ? liquibase.getRollbackFile().toPath() : null)
			.showSummary((liquibase.getShowSummary() != null)
					? UpdateSummaryEnum.valueOf(liquibase.getShowSummary().name()) : null)
			.showSummaryOutput((liquibase.getShowSummaryOutput() != null)
					? UpdateSummaryOutputEnum.valueOf(liquibase.getShowSummaryOutput().name()) : null)
			.uiService(
					(liquibase.getUiService() != null) ? UIServiceEnum.valueOf(liquibase.getUiService().name()) : null)
			.customizer(customizer)
			.build();
	}

	static Safeguards safeguards(MigrationsProperties properties) {
		SessionProperties session = properties.getSession();
		return new Safeguards(properties.getLock().getStrategy(), properties.getLock().getWaitTimeout(),
				properties.getStartup().getWaitForDatabase(),
				new SessionTimeouts(session.getNetworkTimeout(), session.getKeepalivesIdle(),
						session.getKeepalivesInterval(), session.getKeepalivesCount(), session.getTcpUserTimeout(),
						session.getIdleInTransactionTimeout(), session.getIdleTimeout()));
	}

	private static @Nullable String commaDelimited(@Nullable List<String> values) {
		return (values == null || values.isEmpty()) ? null : StringUtils.collectionToCommaDelimitedString(values);
	}

	private static DataSource migrationDataSource(@Nullable DataSource liquibaseDataSource,
			@Nullable DataSource dataSource, LiquibaseConnectionDetails connectionDetails) {
		if (liquibaseDataSource != null) {
			return liquibaseDataSource;
		}
		String url = connectionDetails.getJdbcUrl();
		if (url != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url);
			applyConnectionDetails(connectionDetails, builder);
			return builder.build();
		}
		String user = connectionDetails.getUsername();
		if (user != null && dataSource != null) {
			DataSourceBuilder<?> builder = DataSourceBuilder.derivedFrom(dataSource).type(SimpleDriverDataSource.class);
			applyConnectionDetails(connectionDetails, builder);
			return builder.build();
		}
		Assert.state(dataSource != null,
				"No DataSource to migrate: define one (spring.datasource.url), mark one with @LiquibaseDataSource, "
						+ "or set spring.liquibase.url");
		return dataSource;
	}

	private static void applyConnectionDetails(LiquibaseConnectionDetails connectionDetails,
			DataSourceBuilder<?> builder) {
		builder.username(connectionDetails.getUsername());
		builder.password(connectionDetails.getPassword());
		String driverClassName = connectionDetails.getDriverClassName();
		if (StringUtils.hasText(driverClassName)) {
			builder.driverClassName(driverClassName);
		}
	}

	private static LiquibaseConnectionDetails fromProperties(LiquibaseProperties properties) {
		return new LiquibaseConnectionDetails() {

			@Override
			public @Nullable String getUsername() {
				return properties.getUser();
			}

			@Override
			public @Nullable String getPassword() {
				return properties.getPassword();
			}

			@Override
			public @Nullable String getJdbcUrl() {
				return properties.getUrl();
			}

			@Override
			public @Nullable String getDriverClassName() {
				String driverClassName = properties.getDriverClassName();
				return (driverClassName != null) ? driverClassName
						: LiquibaseConnectionDetails.super.getDriverClassName();
			}

		};
	}

	static final class MigrationsDataSourceCondition extends AnyNestedCondition {

		MigrationsDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("spring.liquibase.url")
		private static final class LiquibaseUrlCondition {

		}

	}

}
