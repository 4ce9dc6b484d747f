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

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import io.bootmigrations.autoconfigure.properties.CheckProperties;
import io.bootmigrations.autoconfigure.properties.DriftProperties;
import io.bootmigrations.autoconfigure.properties.Execution;
import io.bootmigrations.autoconfigure.properties.FastPathProperties;
import io.bootmigrations.autoconfigure.properties.HealthProperties;
import io.bootmigrations.autoconfigure.properties.LintProperties;
import io.bootmigrations.autoconfigure.properties.LockProperties;
import io.bootmigrations.autoconfigure.properties.Mode;
import io.bootmigrations.autoconfigure.properties.OnFailure;
import io.bootmigrations.autoconfigure.properties.OutOfOrder;
import io.bootmigrations.autoconfigure.properties.Output;
import io.bootmigrations.autoconfigure.properties.PostgresqlProperties;
import io.bootmigrations.autoconfigure.properties.RevisionProperties;
import io.bootmigrations.autoconfigure.properties.ScratchProperties;
import io.bootmigrations.autoconfigure.properties.SessionProperties;
import io.bootmigrations.autoconfigure.properties.SqlPreviewProperties;
import io.bootmigrations.autoconfigure.properties.StartupProperties;
import io.bootmigrations.autoconfigure.properties.StatusProperties;
import io.bootmigrations.targets.TargetProperties;

/**
 * Settings of Boot Migrations. Liquibase's own settings are read from Boot's
 * {@code spring.liquibase.*} keys; only what is new lives here. The nested groups
 * ({@code migrations.lock.*}, {@code migrations.session.*}, ...) and the enums are types
 * of {@link io.bootmigrations.autoconfigure.properties}.
 * <p>
 * Validates itself: Spring Boot applies a {@link Validator} that the properties object
 * implements when it binds it, so invalid values stop startup naming the property.
 */
@ConfigurationProperties("migrations")
public class MigrationsProperties implements Validator {

	/**
	 * Whether Boot Migrations is enabled. When disabled, Spring Boot's own Liquibase
	 * support applies as if the starter were absent.
	 */
	private boolean enabled = true;

	// ---- boot: what happens to the database when the application starts (#3, #5)

	/**
	 * What happens to the database on boot: migrate it, only validate it against the
	 * changelog, or nothing.
	 */
	private Mode mode = Mode.MIGRATE;

	/**
	 * What to do when the migration on boot fails.
	 */
	private OnFailure onFailure = OnFailure.FAIL;

	/**
	 * When the migration on boot runs.
	 */
	private Execution execution = Execution.SYNC;

	/**
	 * What boot does when pending changesets sit before applied ones in the changelog
	 * (two branches merged): log a warning, fail before applying anything, or allow.
	 */
	private OutOfOrder outOfOrder = OutOfOrder.WARN;

	@NestedConfigurationProperty
	private final LockProperties lock = new LockProperties();

	@NestedConfigurationProperty
	private final StartupProperties startup = new StartupProperties();

	@NestedConfigurationProperty
	private final FastPathProperties fastPath = new FastPathProperties();

	@NestedConfigurationProperty
	private final LintProperties lint = new LintProperties();

	@NestedConfigurationProperty
	private final PostgresqlProperties postgresql = new PostgresqlProperties();

	@NestedConfigurationProperty
	private final SessionProperties session = new SessionProperties();

	@NestedConfigurationProperty
	private final DriftProperties drift = new DriftProperties();

	// ---- operator view: status snapshot and health (#3)

	@NestedConfigurationProperty
	private final StatusProperties status = new StatusProperties();

	@NestedConfigurationProperty
	private final HealthProperties health = new HealthProperties();

	// ---- commands (#5, #12)

	/**
	 * Command to run instead of the application, which then exits: status, check,
	 * history, upgrade, downgrade, upgrade-sql, downgrade-sql, tag, baseline, validate,
	 * clear-checksums, release-locks, drift, verify-rollbacks or lint.
	 */
	private @Nullable String command;

	/**
	 * Target of the command: head, base, +N, -N, a tag name or date:<ISO-8601>; the tag
	 * name for the tag command.
	 */
	private @Nullable String target;

	/**
	 * Output format of the command.
	 */
	private Output output = Output.TEXT;

	/**
	 * Message of the revision command, which becomes the changeset's comment and part of
	 * its id and file name.
	 */
	private @Nullable String message;

	/**
	 * Whether the history command shows deployment id, exec type, contexts, labels and
	 * checksum.
	 */
	private boolean verbose;

	/**
	 * Whether the revision command fills the new changeset with the difference between
	 * the JPA entities and the schema the changelog produces.
	 */
	private boolean autogenerate;

	@NestedConfigurationProperty
	private final RevisionProperties revision = new RevisionProperties();

	@NestedConfigurationProperty
	private final CheckProperties check = new CheckProperties();

	@NestedConfigurationProperty
	private final SqlPreviewProperties sqlPreview = new SqlPreviewProperties();

	@NestedConfigurationProperty
	private final ScratchProperties scratch = new ScratchProperties();

	// ---- several databases and tenant schemas (#11)

	/**
	 * How many targets (databases or tenant schemas) migrate at once.
	 */
	private int parallelism = 4;

	/**
	 * More migration targets by name, besides the application's DataSource with
	 * spring.liquibase.* (the target 'default'): the keys of spring.liquibase.* plus
	 * data-source, schemas, schemas-query and create-schemas.
	 */
	private Map<String, TargetProperties> targets = new LinkedHashMap<>();

	/**
	 * Targets a command runs on, as target or target:schema separated by commas; every
	 * target when unset.
	 */
	private @Nullable String only;

	@Override
	public boolean supports(Class<?> type) {
		return MigrationsProperties.class.isAssignableFrom(type);
	}

	@Override
	public void validate(Object target, Errors errors) {
		MigrationsProperties properties = (MigrationsProperties) target;
		properties.getLock().validate(errors);
		properties.getStartup().validate(errors);
		properties.getStatus().validate(errors);
		properties.getPostgresql().validate(errors);
		properties.getSession().validate(errors);
		if (properties.getParallelism() < 1) {
			errors.rejectValue("parallelism", "migrations.parallelism.positive",
					"migrations.parallelism must be at least 1 (how many targets migrate at once), but was "
							+ properties.getParallelism());
		}
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public OnFailure getOnFailure() {
		return this.onFailure;
	}

	public void setOnFailure(OnFailure onFailure) {
		this.onFailure = onFailure;
	}

	public Execution getExecution() {
		return this.execution;
	}

	public void setExecution(Execution execution) {
		this.execution = execution;
	}

	public OutOfOrder getOutOfOrder() {
		return this.outOfOrder;
	}

	public void setOutOfOrder(OutOfOrder outOfOrder) {
		this.outOfOrder = outOfOrder;
	}

	public LockProperties getLock() {
		return this.lock;
	}

	public StartupProperties getStartup() {
		return this.startup;
	}

	public FastPathProperties getFastPath() {
		return this.fastPath;
	}

	public LintProperties getLint() {
		return this.lint;
	}

	public PostgresqlProperties getPostgresql() {
		return this.postgresql;
	}

	public SessionProperties getSession() {
		return this.session;
	}

	public DriftProperties getDrift() {
		return this.drift;
	}

	public StatusProperties getStatus() {
		return this.status;
	}

	public HealthProperties getHealth() {
		return this.health;
	}

	public @Nullable String getCommand() {
		return this.command;
	}

	public void setCommand(@Nullable String command) {
		this.command = command;
	}

	public @Nullable String getTarget() {
		return this.target;
	}

	public void setTarget(@Nullable String target) {
		this.target = target;
	}

	public Output getOutput() {
		return this.output;
	}

	public void setOutput(Output output) {
		this.output = output;
	}

	public @Nullable String getMessage() {
		return this.message;
	}

	public void setMessage(@Nullable String message) {
		this.message = message;
	}

	public boolean isVerbose() {
		return this.verbose;
	}

	public void setVerbose(boolean verbose) {
		this.verbose = verbose;
	}

	public boolean isAutogenerate() {
		return this.autogenerate;
	}

	public void setAutogenerate(boolean autogenerate) {
		this.autogenerate = autogenerate;
	}

	public RevisionProperties getRevision() {
		return this.revision;
	}

	public CheckProperties getCheck() {
		return this.check;
	}

	public SqlPreviewProperties getSqlPreview() {
		return this.sqlPreview;
	}

	public ScratchProperties getScratch() {
		return this.scratch;
	}

	public int getParallelism() {
		return this.parallelism;
	}

	public void setParallelism(int parallelism) {
		this.parallelism = parallelism;
	}

	public Map<String, TargetProperties> getTargets() {
		return this.targets;
	}

	public void setTargets(Map<String, TargetProperties> targets) {
		this.targets = targets;
	}

	public @Nullable String getOnly() {
		return this.only;
	}

	public void setOnly(@Nullable String only) {
		this.only = only;
	}

}
