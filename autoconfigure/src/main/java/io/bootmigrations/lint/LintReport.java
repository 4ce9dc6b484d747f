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

package io.bootmigrations.lint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the lint found, for the command (text or JSON), the boot log and a failure report.
 *
 * @param scope the changesets linted: {@code pending} or {@code all}
 * @param changeSets how many changesets were linted
 * @param findings the findings, database-wide first, then in changelog order
 */
public record LintReport(String scope, int changeSets, List<Finding> findings) {

	public LintReport {
		findings = List.copyOf(findings);
	}

	/**
	 * The findings that fail the lint: errors not suppressed.
	 * @return the errors
	 */
	public List<Finding> errors() {
		return this.findings.stream().filter(Finding::isError).toList();
	}

	/**
	 * The findings that count (not suppressed).
	 * @return the findings to act on
	 */
	public List<Finding> active() {
		return this.findings.stream().filter((finding) -> finding.suppressedBecause() == null).toList();
	}

	/**
	 * The report as an operator reads it.
	 * @return the text
	 */
	public String text() {
		StringBuilder text = new StringBuilder();
		int suppressed = this.findings.size() - active().size();
		text.append("Linted ")
			.append(this.changeSets)
			.append(' ')
			.append(this.scope)
			.append(" changeset")
			.append((this.changeSets == 1) ? "" : "s")
			.append(": ")
			.append(errors().size())
			.append(" error(s), ")
			.append(active().size() - errors().size())
			.append(" warning(s), ")
			.append(suppressed)
			.append(" suppressed\n");
		for (Finding finding : this.findings) {
			text.append('\n');
			String severity = (finding.suppressedBecause() != null) ? "SUPPRESSED" : finding.rule().severity().name();
			text.append(severity)
				.append(" [")
				.append(finding.rule().id())
				.append("] ")
				.append((finding.changeSet() != null) ? finding.changeSet().toString() : "database")
				.append('\n');
			if (finding.statement() != null) {
				text.append("  Statement:   ").append(finding.statement()).append('\n');
			}
			text.append("  Problem:     ").append(finding.problem()).append('\n');
			text.append("  Instead:     ").append(finding.alternative()).append('\n');
			if (finding.suppressedBecause() != null) {
				text.append("  Suppressed:  ").append(finding.suppressedBecause()).append('\n');
			}
		}
		return text.toString();
	}

	/**
	 * The report as JSON-ready maps and lists.
	 * @return the JSON structure
	 */
	public Map<String, Object> json() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("scope", this.scope);
		json.put("changeSets", this.changeSets);
		json.put("errors", errors().size());
		json.put("warnings", active().size() - errors().size());
		json.put("suppressed", this.findings.size() - active().size());
		List<Object> findings = new ArrayList<>();
		for (Finding finding : this.findings) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("rule", finding.rule().id());
			item.put("severity", finding.rule().severity().name().toLowerCase(Locale.ROOT));
			if (finding.changeSet() != null) {
				Map<String, Object> changeSet = new LinkedHashMap<>();
				changeSet.put("id", finding.changeSet().id());
				changeSet.put("author", finding.changeSet().author());
				changeSet.put("file", finding.changeSet().file());
				changeSet.put("line", finding.changeSet().line());
				item.put("changeSet", changeSet);
			}
			else {
				item.put("changeSet", null);
			}
			item.put("statement", finding.statement());
			item.put("problem", finding.problem());
			item.put("alternative", finding.alternative());
			item.put("suppressed", finding.suppressedBecause() != null);
			item.put("reason", finding.suppressedBecause());
			findings.add(item);
		}
		json.put("findings", findings);
		return json;
	}

}
