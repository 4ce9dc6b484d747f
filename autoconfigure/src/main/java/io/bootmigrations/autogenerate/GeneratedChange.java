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
public record GeneratedChange(Change change, String description, List<String> sql,
		@Nullable List<String> rollbackSql) {

}
