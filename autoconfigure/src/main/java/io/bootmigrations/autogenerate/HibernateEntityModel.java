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

package io.bootmigrations.autogenerate;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.engine.config.spi.ConfigurationService;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.jpa.boot.spi.IntegratorProvider;
import org.hibernate.jpa.boot.spi.JpaSettings;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.tool.schema.SourceType;
import org.hibernate.tool.schema.TargetType;
import org.hibernate.tool.schema.internal.ExceptionHandlerHaltImpl;
import org.hibernate.tool.schema.spi.ContributableMatcher;
import org.hibernate.tool.schema.spi.ExecutionOptions;
import org.hibernate.tool.schema.spi.SchemaManagementTool;
import org.hibernate.tool.schema.spi.SchemaManagementToolCoordinator;
import org.hibernate.tool.schema.spi.ScriptSourceInput;
import org.hibernate.tool.schema.spi.ScriptTargetOutput;
import org.hibernate.tool.schema.spi.SourceDescriptor;
import org.hibernate.tool.schema.spi.TargetDescriptor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;

/**
 * The entities of Boot's auto-configured entity manager factory, read the way Hibernate
 * reads them for {@code ddl-auto=create}: an {@link Integrator} (registered through
 * {@value JpaSettings#INTEGRATOR_PROVIDER}, beside any provider the application set)
 * keeps the boot {@link Metadata}, and Hibernate's own {@link SchemaManagementTool} turns
 * it into the creation script, written to memory rather than to any database.
 */
public final class HibernateEntityModel implements EntityModel, HibernatePropertiesCustomizer {

	private final Supplier<@Nullable Object> entityManagerFactory;

	private volatile @Nullable Metadata metadata;

	private volatile @Nullable ServiceRegistry serviceRegistry;

	/**
	 * Create the model.
	 * @param entityManagerFactory the application's entity manager factory, asked for
	 * before the metadata is read so that a factory bootstrapped in the background is
	 * complete; {@code null} when there is none
	 */
	public HibernateEntityModel(Supplier<@Nullable Object> entityManagerFactory) {
		this.entityManagerFactory = entityManagerFactory;
	}

	@Override
	public void customize(Map<String, Object> hibernateProperties) {
		Object existing = hibernateProperties.get(JpaSettings.INTEGRATOR_PROVIDER);
		Integrator capture = new Integrator() {

			@Override
			public void integrate(Metadata metadata, BootstrapContext bootstrapContext,
					SessionFactoryImplementor sessionFactory) {
				HibernateEntityModel.this.metadata = metadata;
				HibernateEntityModel.this.serviceRegistry = sessionFactory.getServiceRegistry();
			}

		};
		hibernateProperties.put(JpaSettings.INTEGRATOR_PROVIDER, (IntegratorProvider) () -> {
			List<Integrator> integrators = new ArrayList<>();
			if (existing instanceof IntegratorProvider provider) {
				integrators.addAll(provider.getIntegrators());
			}
			integrators.add(capture);
			return integrators;
		});
	}

	@Override
	public boolean isAvailable() {
		Metadata metadata = this.metadata;
		return this.entityManagerFactory.get() != null && metadata != null && !metadata.getEntityBindings().isEmpty();
	}

	@Override
	public List<String> createStatements() {
		Object factory = this.entityManagerFactory.get();
		Metadata metadata = this.metadata;
		ServiceRegistry registry = this.serviceRegistry;
		if (factory == null || metadata == null || registry == null) {
			throw new IllegalStateException("No JPA entities to compare: the application has no entity manager factory "
					+ "of Spring Boot's JPA auto-configuration (spring-boot-starter-data-jpa with Hibernate, a "
					+ "DataSource and at least one @Entity). An entity manager factory of the application's own is not "
					+ "read; use Boot's, or write the revision without --migrations.autogenerate.");
		}
		Map<String, Object> settings = new HashMap<>(registry.requireService(ConfigurationService.class).getSettings());
		// the script only: no delimiter appended, no import.sql, no CREATE SCHEMA of the
		// schema compared
		settings.remove(SchemaToolingSettings.HBM2DDL_DELIMITER);
		settings.put(SchemaToolingSettings.HBM2DDL_IMPORT_FILES, "");
		settings.put(SchemaToolingSettings.HBM2DDL_SKIP_DEFAULT_IMPORT_FILE, true);
		settings.put(SchemaToolingSettings.HBM2DDL_CREATE_NAMESPACES, false);
		settings.put(SchemaToolingSettings.JAKARTA_HBM2DDL_CREATE_SCHEMAS, false);
		ExecutionOptions options = SchemaManagementToolCoordinator.buildExecutionOptions(settings,
				ExceptionHandlerHaltImpl.INSTANCE);
		List<String> statements = new ArrayList<>();
		registry.requireService(SchemaManagementTool.class)
			.getSchemaCreator(settings)
			.doCreation(metadata, options, ContributableMatcher.ALL, new FromMetadata(), new ToList(statements));
		return statements;
	}

	private static final class FromMetadata implements SourceDescriptor {

		@Override
		public SourceType getSourceType() {
			return SourceType.METADATA;
		}

		@Override
		public @Nullable ScriptSourceInput getScriptSourceInput() {
			return null;
		}

	}

	private record ToList(List<String> statements) implements TargetDescriptor, ScriptTargetOutput {

		@Override
		public EnumSet<TargetType> getTargetTypes() {
			return EnumSet.of(TargetType.SCRIPT);
		}

		@Override
		public ScriptTargetOutput getScriptTargetOutput() {
			return this;
		}

		@Override
		public void prepare() {
		}

		@Override
		public void accept(String command) {
			this.statements.add(command);
		}

		@Override
		public void release() {
		}

	}

}
