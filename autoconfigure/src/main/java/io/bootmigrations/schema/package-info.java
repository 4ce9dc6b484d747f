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

/**
 * Trust in the schema: a {@link io.bootmigrations.schema.SchemaSnapshot snapshot} of one
 * database schema, the {@link io.bootmigrations.schema.SchemaDifference differences}
 * between two, and the {@link io.bootmigrations.schema.ScratchSpace scratch databases} in
 * which the changelog is replayed for the drift check and the rollback verification.
 */
@NullMarked
package io.bootmigrations.schema;

import org.jspecify.annotations.NullMarked;
