package io.bootmigrations.command;

import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.json.JsonWriter.ValueProcessor;
import org.springframework.util.ReflectionUtils;

/**
 * Writes a command's result as JSON with Spring Boot's {@link JsonWriter}, which needs no
 * JSON library on the application's class path. Records (the
 * {@link io.bootmigrations.status.StatusDocument status document}) are written as objects
 * of their components, in declaration order, as the actuator endpoint's Jackson writes
 * them, so both print the same field names.
 */
final class CommandJson {

	private static final JsonWriter<Object> WRITER = JsonWriter.of((members) -> {
		members.add();
		members.applyingValueProcessor(ValueProcessor.of(CommandJson::jsonValue));
	});

	private CommandJson() {
	}

	static String write(Object value) {
		return WRITER.writeToString(value);
	}

	/**
	 * The fields of a record, by name, for results that add to a document.
	 * @param record the record
	 * @return its components, in declaration order
	 */
	static Map<String, @Nullable Object> fields(Record record) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			ReflectionUtils.makeAccessible(component.getAccessor());
			fields.put(component.getName(), ReflectionUtils.invokeMethod(component.getAccessor(), record));
		}
		return fields;
	}

	private static @Nullable Object jsonValue(@Nullable Object value) {
		if (value instanceof Record record) {
			return fields(record);
		}
		if (value instanceof Enum<?> constant) {
			return constant.name();
		}
		return value;
	}

}
