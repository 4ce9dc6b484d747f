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

/**
 * The schema the application's JPA entities need, as the DDL statements Hibernate would
 * run to create it on an empty database. Free of Hibernate's types, so that callers load
 * without Hibernate on the class path.
 */
public interface EntityModel {

	/**
	 * Whether the application has entities to read: an entity manager factory of Spring
	 * Boot's JPA auto-configuration.
	 * @return {@code true} if it has
	 */
	boolean isAvailable();

	/**
	 * The statements that create the entities' tables, sequences, keys and indexes, in
	 * order, unqualified unless an entity names its schema.
	 * @return the statements
	 * @throws IllegalStateException if the entities are not known (no entity manager
	 * factory was built)
	 */
	List<String> createStatements();

}
