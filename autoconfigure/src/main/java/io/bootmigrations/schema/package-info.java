/**
 * Trust in the schema: a {@link io.bootmigrations.schema.SchemaSnapshot snapshot} of one
 * database schema, the {@link io.bootmigrations.schema.SchemaDifference differences}
 * between two, and the {@link io.bootmigrations.schema.ScratchSpace scratch databases}
 * in which the changelog is replayed for the drift check and the rollback verification.
 */
@NullMarked
package io.bootmigrations.schema;

import org.jspecify.annotations.NullMarked;
