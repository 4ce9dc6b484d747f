package io.bootmigrations.engine;

import liquibase.change.custom.CustomSqlChange;
import liquibase.database.Database;
import liquibase.exception.ValidationErrors;
import liquibase.resource.ResourceAccessor;
import liquibase.statement.SqlStatement;
import liquibase.statement.core.RawSqlStatement;

/**
 * A {@code customChange} on the class path, for the drop-in test: inserts one row.
 */
public class MarkerCustomChange implements CustomSqlChange {

	private String marker = "marker";

	public void setMarker(String marker) {
		this.marker = marker;
	}

	public String getMarker() {
		return this.marker;
	}

	@Override
	public SqlStatement[] generateStatements(Database database) {
		return new SqlStatement[] { new RawSqlStatement("INSERT INTO item (name) VALUES ('" + this.marker + "')") };
	}

	@Override
	public String getConfirmationMessage() {
		return "Inserted " + this.marker;
	}

	@Override
	public void setUp() {
	}

	@Override
	public void setFileOpener(ResourceAccessor resourceAccessor) {
	}

	@Override
	public ValidationErrors validate(Database database) {
		return new ValidationErrors();
	}

}
