package io.bootmigrations.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;

/**
 * Turns a failed migration into one clear startup report: the changeset (id, author,
 * file), the database's error, and what to do.
 */
class MigrationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationException cause) {
		return new FailureAnalysis(describe(cause.getFailure()), cause.getFailure().action(), cause);
	}

	static String describe(MigrationFailure failure) {
		StringBuilder description = new StringBuilder("The database migration failed (")
			.append(failure.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
			.append(").\n\n");
		ChangeSetInfo changeSet = failure.changeSet();
		if (changeSet != null) {
			description.append("    Changeset: ").append(changeSet.id()).append('\n');
			description.append("    Author:    ").append(changeSet.author()).append('\n');
			description.append("    File:      ").append(changeSet.file()).append('\n');
		}
		else if (failure.file() != null) {
			description.append("    Changelog: ").append(failure.file()).append('\n');
		}
		description.append("    Error:     ").append(failure.message().replace("\n", "\n               "));
		return description.toString();
	}

}
