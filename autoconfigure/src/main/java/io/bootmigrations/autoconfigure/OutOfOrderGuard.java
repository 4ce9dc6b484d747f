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

package io.bootmigrations.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import io.bootmigrations.autoconfigure.properties.OutOfOrder;
import io.bootmigrations.engine.ChangeSetInfo;
import io.bootmigrations.engine.MigrationException;
import io.bootmigrations.engine.MigrationFailure;
import io.bootmigrations.engine.MigrationListener;

/**
 * Applies {@code migrations.out-of-order} when an update finds pending changesets before
 * applied ones in the changelog: logs them ({@code warn}), refuses the run before
 * anything is applied ({@code fail}), or says nothing ({@code allow}).
 */
final class OutOfOrderGuard implements MigrationListener {

	private static final Log logger = LogFactory.getLog(OutOfOrderGuard.class);

	private final OutOfOrder policy;

	OutOfOrderGuard(OutOfOrder policy) {
		this.policy = policy;
	}

	@Override
	public void outOfOrder(List<ChangeSetInfo> outOfOrder) {
		if (this.policy == OutOfOrder.ALLOW) {
			return;
		}
		String names = outOfOrder.stream().map(ChangeSetInfo::identifier).collect(Collectors.joining(", "));
		String message = outOfOrder.size() + " pending changeset(s) sit before changesets already applied in the "
				+ "changelog (out of order, as after merging two branches): " + names;
		if (this.policy == OutOfOrder.FAIL) {
			throw new MigrationException(
					new MigrationFailure(MigrationFailure.Kind.REFUSED, outOfOrder.get(0), outOfOrder.get(0).file(),
							message + "; nothing was applied",
							"Check that they do not depend on the changesets after them, then start with "
									+ "migrations.out-of-order=warn or allow, or move them after the applied ones"),
					null);
		}
		logger.warn("Migrations: " + message + ". They are applied now, after the changesets that follow them; "
				+ "set migrations.out-of-order=fail to refuse this or allow to silence it.");
	}

}
