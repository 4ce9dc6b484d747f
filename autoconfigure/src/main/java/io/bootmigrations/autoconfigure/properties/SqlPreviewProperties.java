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

package io.bootmigrations.autoconfigure.properties;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL previews ({@code /actuator/migrations/upgrade-sql}, {@code downgrade-sql} and the
 * matching commands).
 *
 * @since 0.1.0
 */
public class SqlPreviewProperties {

	/**
	 * Changelog parameters whose values previews mask, in addition to those whose names
	 * contain password, secret, token, key or credential.
	 */
	private List<String> maskedParameters = new ArrayList<>();

	public List<String> getMaskedParameters() {
		return this.maskedParameters;
	}

	public void setMaskedParameters(List<String> maskedParameters) {
		this.maskedParameters = maskedParameters;
	}

}
