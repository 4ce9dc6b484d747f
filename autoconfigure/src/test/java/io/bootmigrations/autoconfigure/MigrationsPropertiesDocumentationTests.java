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

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property in the generated configuration metadata has a description and a row in
 * the README's property table.
 */
class MigrationsPropertiesDocumentationTests {

	@Test
	void everyPropertyIsDescribedAndInTheReadme() throws IOException {
		List<Map<String, Object>> properties;
		try (InputStream metadata = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(metadata).as("generated metadata").isNotNull();
			properties = JsonPath.read(metadata, "$.properties[*]");
		}
		String readme = Files.readString(Path.of("..", "README.md"));
		assertThat(properties).extracting((property) -> property.get("name"))
			.contains("migrations.enabled", "migrations.on-failure", "migrations.execution",
					"management.health.migrations.enabled", "migrations.status.refresh-interval",
					"migrations.health.down-on-unexpected", "management.endpoint.migrations.access");
		for (Map<String, Object> property : properties) {
			String name = (String) property.get("name");
			if (name.endsWith(".cache.time-to-live")) {
				continue; // Boot's generic endpoint caching key
			}
			assertThat((String) property.get("description")).as(name).isNotBlank();
			assertThat(readme).as("README row for " + name).contains("| `" + name + "` |");
		}
	}

}
