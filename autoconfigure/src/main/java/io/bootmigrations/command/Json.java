package io.bootmigrations.command;

import java.time.temporal.TemporalAccessor;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Writes the few shapes a command result has (maps, lists, strings, numbers, booleans)
 * as JSON, so the commands need no JSON library on the application's classpath.
 */
final class Json {

	private Json() {
	}

	static String write(@Nullable Object value) {
		StringBuilder json = new StringBuilder();
		write(json, value);
		return json.toString();
	}

	private static void write(StringBuilder json, @Nullable Object value) {
		if (value == null) {
			json.append("null");
		}
		else if (value instanceof Map<?, ?> map) {
			json.append('{');
			Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<?, ?> entry = entries.next();
				string(json, String.valueOf(entry.getKey()));
				json.append(':');
				write(json, entry.getValue());
				if (entries.hasNext()) {
					json.append(',');
				}
			}
			json.append('}');
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					json.append(',');
				}
				write(json, list.get(i));
			}
			json.append(']');
		}
		else if (value instanceof Number || value instanceof Boolean) {
			json.append(value);
		}
		else if (value instanceof Enum<?> constant) {
			string(json, constant.name());
		}
		else if (value instanceof TemporalAccessor) {
			string(json, value.toString());
		}
		else {
			string(json, value.toString());
		}
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
