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

package io.bootmigrations.engine;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

import liquibase.Contexts;
import liquibase.GlobalConfiguration;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.UpdateSummaryEnum;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.Customizer;
import liquibase.ui.LoggerUIService;
import liquibase.ui.UIService;
import liquibase.ui.UIServiceEnum;

/**
 * The {@code spring.liquibase.*} settings that act on a {@link Liquibase} rather than on
 * its database, applied as Liquibase's {@code SpringLiquibase} applies them under Spring
 * Boot: the update summary and a {@code Customizer<Liquibase>} on each new instance, the
 * UI service for the whole session, the rollback file before the update on boot.
 */
final class SpringLiquibaseOptions {

	private SpringLiquibaseOptions() {
	}

	/**
	 * Configure a new {@link Liquibase}: the summary settings, then the customizer (last,
	 * so that it can change them).
	 */
	static void configure(Liquibase liquibase, MigrationSettings settings) {
		UpdateSummaryEnum showSummary = settings.showSummary();
		if (showSummary != null) {
			liquibase.setShowSummary(showSummary);
		}
		UpdateSummaryOutputEnum showSummaryOutput = settings.showSummaryOutput();
		if (showSummaryOutput != null) {
			liquibase.setShowSummaryOutput(showSummaryOutput);
		}
		Customizer<Liquibase> customizer = settings.customizer();
		if (customizer != null) {
			customizer.customize(liquibase);
		}
	}

	/**
	 * The UI service of a session: Liquibase's logger (as {@code SpringLiquibase}'s
	 * default) unless {@code spring.liquibase.ui-service} names another.
	 */
	static UIService uiService(MigrationSettings settings) {
		UIServiceEnum uiService = settings.uiService();
		if (uiService == null || uiService == UIServiceEnum.LOGGER) {
			return new LoggerUIService();
		}
		try {
			return uiService.getUiServiceClass().getDeclaredConstructor().newInstance();
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Cannot create Liquibase's " + uiService
					+ " UI service (spring.liquibase.ui-service): " + ex.getMessage(), ex);
		}
	}

	/**
	 * Write the rollback SQL of the changesets the update is about to apply to
	 * {@code spring.liquibase.rollback-file}, if set, as {@code SpringLiquibase} does
	 * before its update.
	 */
	static void writeRollbackFile(Liquibase liquibase, MigrationSettings settings, Contexts contexts,
			LabelExpression labels) throws LiquibaseException {
		Path file = settings.rollbackFile();
		if (file == null) {
			return;
		}
		Charset encoding = Charset.forName(GlobalConfiguration.OUTPUT_FILE_ENCODING.getCurrentValue());
		try (Writer output = Files.newBufferedWriter(file, encoding)) {
			if (settings.tag() != null) {
				liquibase.futureRollbackSQL(settings.tag(), contexts, labels, output);
			}
			else {
				liquibase.futureRollbackSQL(contexts, labels, output);
			}
		}
		catch (IOException ex) {
			throw new LiquibaseException("Cannot write the rollback file " + file.toAbsolutePath()
					+ " (spring.liquibase.rollback-file): " + ex.getMessage(), ex);
		}
	}

}
