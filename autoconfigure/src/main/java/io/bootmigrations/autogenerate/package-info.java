/**
 * The JPA entities as the model of the schema: {@code revision --migrations.autogenerate=true}
 * and the entity part of {@code check}, comparing in scratch databases what Hibernate would
 * create for the entities with what the changelog creates.
 */
@NullMarked
package io.bootmigrations.autogenerate;

import org.jspecify.annotations.NullMarked;
