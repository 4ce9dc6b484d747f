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

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.AdditionalPathsMapper;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.health.actuate.endpoint.AdditionalHealthEndpointPath;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroup;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroupsPostProcessor;
import org.springframework.boot.health.actuate.endpoint.HttpCodeStatusMapper;
import org.springframework.boot.health.actuate.endpoint.StatusAggregator;
import org.springframework.core.env.Environment;

/**
 * Makes the {@code migrations} health indicator a member of the {@code readiness} group
 * without any configuration, and never of {@code liveness}.
 * <p>
 * A user who sets {@code management.endpoint.health.group.readiness.include} decides
 * alone. Otherwise the readiness group (Boot's probe group, or the group a user defined
 * without an include list) also includes {@code migrations}. This is done on the groups
 * rather than by contributing a default for the include property: a property naming an
 * indicator that does not exist (no DataSource, indicator switched off) fails startup,
 * whereas this post-processor only exists when the indicator does. It works whether it
 * runs before or after Boot's own probe post-processor: when no readiness group exists
 * yet it creates one of {@code readinessState} and {@code migrations}, which Boot then
 * keeps.
 */
class ReadinessGroupPostProcessor implements HealthEndpointGroupsPostProcessor {

	static final String READINESS = "readiness";

	static final String MEMBER = "migrations";

	private final boolean userIncludes;

	private final boolean probesEnabled;

	ReadinessGroupPostProcessor(Environment environment) {
		Binder binder = Binder.get(environment);
		this.userIncludes = binder
			.bind("management.endpoint.health.group.readiness.include", Bindable.setOf(String.class))
			.isBound();
		this.probesEnabled = binder.bind("management.endpoint.health.probes.enabled", Boolean.class).orElse(true);
	}

	@Override
	public HealthEndpointGroups postProcessHealthEndpointGroups(HealthEndpointGroups groups) {
		if (this.userIncludes || (groups.get(READINESS) == null && !this.probesEnabled)) {
			return groups;
		}
		return new WithMigrations(groups);
	}

	private static final class WithMigrations implements HealthEndpointGroups, AdditionalPathsMapper {

		private final HealthEndpointGroups groups;

		private final HealthEndpointGroup readiness;

		private final Set<String> names;

		WithMigrations(HealthEndpointGroups groups) {
			this.groups = groups;
			HealthEndpointGroup existing = groups.get(READINESS);
			this.readiness = new ReadinessGroup(existing);
			Set<String> names = new LinkedHashSet<>(groups.getNames());
			names.add(READINESS);
			this.names = Set.copyOf(names);
		}

		@Override
		public HealthEndpointGroup getPrimary() {
			return this.groups.getPrimary();
		}

		@Override
		public Set<String> getNames() {
			return this.names;
		}

		@Override
		public @Nullable HealthEndpointGroup get(String name) {
			return READINESS.equals(name) ? this.readiness : this.groups.get(name);
		}

		@Override
		public @Nullable List<String> getAdditionalPaths(EndpointId endpointId, WebServerNamespace webServerNamespace) {
			return (this.groups instanceof AdditionalPathsMapper mapper)
					? mapper.getAdditionalPaths(endpointId, webServerNamespace) : null;
		}

	}

	/**
	 * The readiness group, plus {@code migrations}. Without a group to extend, it is
	 * shaped like Boot's probe groups: {@code readinessState} plus {@code migrations}, no
	 * details.
	 */
	private static final class ReadinessGroup implements HealthEndpointGroup {

		private final @Nullable HealthEndpointGroup delegate;

		ReadinessGroup(@Nullable HealthEndpointGroup delegate) {
			this.delegate = delegate;
		}

		@Override
		public boolean isMember(String name) {
			if (MEMBER.equals(name)) {
				return true;
			}
			return (this.delegate != null) ? this.delegate.isMember(name) : "readinessState".equals(name);
		}

		@Override
		public boolean showComponents(SecurityContext securityContext) {
			return this.delegate != null && this.delegate.showComponents(securityContext);
		}

		@Override
		public boolean showDetails(SecurityContext securityContext) {
			return this.delegate != null && this.delegate.showDetails(securityContext);
		}

		@Override
		public StatusAggregator getStatusAggregator() {
			return (this.delegate != null) ? this.delegate.getStatusAggregator() : StatusAggregator.getDefault();
		}

		@Override
		public HttpCodeStatusMapper getHttpCodeStatusMapper() {
			return (this.delegate != null) ? this.delegate.getHttpCodeStatusMapper()
					: HttpCodeStatusMapper.getDefault();
		}

		@Override
		public @Nullable AdditionalHealthEndpointPath getAdditionalPath() {
			return (this.delegate != null) ? this.delegate.getAdditionalPath() : null;
		}

	}

}
