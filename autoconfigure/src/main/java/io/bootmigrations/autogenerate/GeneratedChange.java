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

import java.util.List;

import liquibase.change.Change;
import org.jspecify.annotations.Nullable;

/**
 * One change that brings the changelog's schema closer to the entities.
 *
 * @param change the Liquibase change
 * @param description what it does, in Liquibase's words
 * @param sql the SQL it runs on PostgreSQL
 * @param rollbackSql the SQL of the rollback Liquibase derives for it, {@code null} if it
 * cannot derive one (drops, type changes)
 */
public record GeneratedChange(Change change, String description, List<String> sql, @Nullable List<String> rollbackSql) {

}
