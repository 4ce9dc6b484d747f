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
import java.util.UUID;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.EnableScheduling;

import io.bootmigrations.engine.MigrationEngine;
import io.bootmigrations.engine.MigrationScheduler;
import io.bootmigrations.engine.MigrationSettings;
import io.bootmigrations.engine.MigrationState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrationsAutoConfiguration}'s conditions. The database is an
 * in-memory H2: these tests are about wiring; behaviour on a real database is in
 * {@link MigrationsAutoConfigurationIntegrationTests}.
 */
class MigrationsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrationsAutoConfiguration.class, DataSourceAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true");

	// Boot's own, for the cases where the starter leaves the database to it; in an
	// application BootLiquibaseAutoConfigurationFilter keeps it out otherwise
	private final ApplicationContextRunner withBootsLiquibase = this.contextRunner
		.withConfiguration(AutoConfigurations.of(LiquibaseAutoConfiguration.class));

	@Test
	void backsOffWithoutDataSource() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MigrationsAutoConfiguration.class, LiquibaseAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(MigrationEngine.class)
				.doesNotHaveBean(SpringLiquibase.class));
	}

	@Test
	void migratesOnStartupAndReplacesBootsLiquibaseBean() {
		this.contextRunner.withUserConfiguration(JdbcTemplateConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationEngine.class);
			assertThat(context).as("creating a SpringLiquibase would start Liquibase")
				.doesNotHaveBean(SpringLiquibase.class);
			assertThat(context).getBean("liquibase").isInstanceOf(MigrationsInitializer.class);
			assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
				.as("what uses the database waits for the migration")
				.contains("liquibase");
			assertThat(context.getBean(MigrationEngine.class).status().state()).isEqualTo(MigrationState.UP_TO_DATE);
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(context.getBean(SchemaManagementProvider.class).getSchemaManagement(dataSource))
				.isEqualTo(SchemaManagement.MANAGED);
		});
	}

	@Test
	void oneSchedulerOfItsOwnLeavesTheApplicationsTaskSchedulerAndExecutorAlone() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(TaskSchedulingAutoConfiguration.class, TaskExecutionAutoConfiguration.class))
			.withUserConfiguration(SchedulingConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(MigrationScheduler.class);
				assertThat(context).as("Boot's scheduler for @Scheduled, not ours")
					.hasSingleBean(TaskScheduler.class)
					.hasBean("taskScheduler")
					.hasBean("applicationTaskExecutor");
				assertThat(context.getBean(TaskScheduler.class)).isNotInstanceOf(MigrationScheduler.class);
			});
	}

	@Test
	void closingTheContextClosesTheScheduler() {
		this.contextRunner.withPropertyValues("migrations.status.refresh-interval=1h").run((context) -> {
			MigrationScheduler scheduler = context.getBean(MigrationScheduler.class);
			assertThat(scheduler.scheduledTasks()).as("the status refresh").isOne();
			context.close();
			assertThat(scheduler.scheduledTasks()).isZero();
			Object task = scheduler.withFixedDelay(() -> {
			}, Duration.ofSeconds(1));
			assertThat(task).as("closed: nothing is scheduled any more").isNull();
		});
	}

	@Test
	void readsBootsLiquibaseProperties() {
		this.contextRunner
			.withPropertyValues("spring.liquibase.change-log=classpath:db/engine/three.xml",
					"spring.liquibase.contexts=prod,eu", "spring.liquibase.label-filter=a", "spring.liquibase.tag=v1",
					"spring.liquibase.database-change-log-table=my_changelog",
					"spring.liquibase.database-change-log-lock-table=my_lock", "spring.liquibase.parameters.x=1",
					"spring.liquibase.default-schema=PUBLIC")
			.run((context) -> {
				MigrationSettings settings = context.getBean(MigrationEngine.class).settings();
				assertThat(settings.changeLog()).isEqualTo("classpath:db/engine/three.xml");
				assertThat(settings.contexts()).isEqualTo("prod,eu");
				assertThat(settings.labelFilter()).isEqualTo("a");
				assertThat(settings.tag()).isEqualTo("v1");
				assertThat(settings.changeLogTable()).isEqualTo("my_changelog");
				assertThat(settings.lockTable()).isEqualTo("my_lock");
				assertThat(settings.parameters()).containsEntry("x", "1");
				assertThat(settings.defaultSchema()).isEqualTo("PUBLIC");
				assertThat(settings.analyticsEnabled()).isFalse();
			});
	}

	@Test
	void liquibaseAnalyticsCanBeTurnedOnWithBootsProperty() {
		this.contextRunner.withPropertyValues("spring.liquibase.analytics-enabled=true")
			.run((context) -> assertThat(context.getBean(MigrationEngine.class).settings().analyticsEnabled())
				.isTrue());
	}

	@Test
	void disabledWithMigrationsEnabledFalseLeavesBootsOwnSupport() {
		this.withBootsLiquibase.withPropertyValues("migrations.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(MigrationEngine.class);
			assertThat(context).hasSingleBean(SpringLiquibase.class);
			assertThat(context.getBean(SpringLiquibase.class)).isNotInstanceOf(MigrationsInitializer.class);
		});
	}

	@Test
	void disabledWithSpringLiquibaseEnabledFalse() {
		this.withBootsLiquibase.withPropertyValues("spring.liquibase.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationEngine.class)
				.doesNotHaveBean(SpringLiquibase.class));
	}

	@Test
	void userDefinedSpringLiquibaseWins() {
		this.withBootsLiquibase.withUserConfiguration(UserSpringLiquibaseConfiguration.class).run((context) -> {
			assertThat(context).doesNotHaveBean(MigrationEngine.class);
			assertThat(context).hasSingleBean(SpringLiquibase.class);
			assertThat(context).getBean("userLiquibase").isNotInstanceOf(MigrationsInitializer.class);
		});
	}

	@Test
	void userDefinedEngineWins() {
		this.contextRunner.withUserConfiguration(UserEngineConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(MigrationEngine.class);
			assertThat(context).getBean(MigrationEngine.class).isSameAs(context.getBean("userEngine"));
			assertThat(context.getBean(MigrationEngine.class).settings().changeLog()).isEqualTo("db/engine/three.xml");
			assertThat(context.getBean(MigrationEngine.class).status().applied()).hasSize(3);
		});
	}

	@Test
	void userStrategyReplacesTheMigration() {
		this.contextRunner.withBean(MigrationStrategy.class, () -> (engine) -> engine.refresh()).run((context) -> {
			MigrationEngine engine = context.getBean(MigrationEngine.class);
			assertThat(engine.status().state()).isEqualTo(MigrationState.PENDING);
			assertThat(engine.status().pending()).hasSize(2);
			assertThat(engine.status().lastRun()).isNull();
		});
	}

	@Test
	void liquibaseUrlGivesTheEngineItsOwnDataSource() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
		this.contextRunner.withPropertyValues("spring.liquibase.url=" + url, "spring.liquibase.user=sa")
			.run((context) -> {
				DataSource engineDataSource = context.getBean(MigrationEngine.class).dataSource();
				assertThat(engineDataSource).isNotSameAs(context.getBean(DataSource.class));
				assertThat(context.getBean(MigrationEngine.class).status().database().url())
					.isEqualTo(url.substring(0, url.indexOf(';')));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class JdbcTemplateConfiguration {

		@Bean
		JdbcTemplate jdbcTemplate(DataSource dataSource) {
			return new JdbcTemplate(dataSource);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserSpringLiquibaseConfiguration {

		@Bean
		SpringLiquibase userLiquibase(DataSource dataSource) {
			SpringLiquibase liquibase = new SpringLiquibase();
			liquibase.setDataSource(dataSource);
			liquibase.setChangeLog("classpath:db/changelog/db.changelog-master.yaml");
			return liquibase;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserEngineConfiguration {

		@Bean
		MigrationEngine userEngine(DataSource dataSource) {
			return new MigrationEngine(dataSource, MigrationSettings.forChangeLog("db/engine/three.xml").build(),
					new liquibase.integration.spring.SpringResourceAccessor(new DefaultResourceLoader()),
					java.util.List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableScheduling
	static class SchedulingConfiguration {

	}

}
