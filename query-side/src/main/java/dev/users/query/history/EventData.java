package dev.users.query.history;

import dev.users.web.Timestamps;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
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

    static Map<String, Object> of(Record event) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            data.put(snakeCase(component.getName()), value(read(component, event)));
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

    private static Object read(RecordComponent component, Record event) {
        try {
            return component.getAccessor().invoke(event);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of an event", e);
        }
    }

    static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
