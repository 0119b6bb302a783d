package dev.users.query.history;

import dev.users.web.Timestamps;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An event's fields as history's {@code data} shows them: the record's components in declaration order, named in
 * snake case as the v4 surface names its fields; nested records become objects, ids strings and instants
 * {@link Timestamps#of}. Read from the record itself, so a new field shows without a change here.
 */
final class EventData {

    private EventData() {
    }

    /** A record's components and their names in snake case, found once per record (reflection copies them). */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return Arrays.stream(type.getRecordComponents())
                    .map(component -> new Field(snakeCase(component.getName()), component.getAccessor())).toList();
        }
    };

    private record Field(String name, Method accessor) {
    }

    static Map<String, Object> of(Record event) {
        List<Field> fields = FIELDS.get(event.getClass());
        Map<String, Object> data = new LinkedHashMap<>();
        for (Field field : fields) {
            data.put(field.name(), value(read(field, event)));
        }
        return data;
    }

    private static Object value(Object value) {
        if (value instanceof Record nested) {
            return of(nested);
        }
        if (value instanceof UUID || value instanceof Instant) {
            return value instanceof Instant instant ? Timestamps.of(instant) : value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), value(item)));
            return copy;
        }
        if (value instanceof Collection<?> items) {
            ArrayList<Object> copy = new ArrayList<>(items.size());
            items.forEach(item -> copy.add(value(item)));
            return copy;
        }
        return value;
    }

    private static Object read(Field field, Record event) {
        try {
            return field.accessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + field.name() + " of an event", e);
        }
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
