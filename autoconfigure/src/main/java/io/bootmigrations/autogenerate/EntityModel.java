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
