package dev.users.app.feed;

import dev.users.app.axon.StoredEvents;
import dev.users.web.Timestamps;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The fields of an event record, for showing the event from its stored JSON tree exactly as its record would show
 * it ({@link FeedEvents}): a tree with the same fields at every level is what Jackson writes for the record it
 * reads, except for the instants, which are written in the service's one form ({@link Timestamps}) instead of the
 * serializer's microseconds. Any other tree (a field missing or added, a null for a primitive, an instant in
 * another form) is not shown this way: the record is read from it instead.
 */
final class RecordShape {

    private static final ClassValue<RecordShape> SHAPES = new ClassValue<>() {
        @Override
        protected RecordShape computeValue(Class<?> record) {
            return new RecordShape(record);
        }
    };

    private final Set<String> names = new HashSet<>();
    private final Set<String> primitives = new HashSet<>();
    private final Set<String> instants = new HashSet<>();
    private final Map<String, RecordShape> records = new HashMap<>();

    private RecordShape(Class<?> record) {
        for (RecordComponent component : record.getRecordComponents()) {
            String name = component.getName();
            Class<?> type = component.getType();
            names.add(name);
            if (type.isPrimitive()) {
                primitives.add(name);
            } else if (type == Instant.class) {
                instants.add(name);
            } else if (type.isRecord()) {
                records.put(name, SHAPES.get(type));
            }
        }
    }

    /** The shape of a record class. */
    static RecordShape of(Class<? extends Record> record) {
        return SHAPES.get(record);
    }

    /**
     * Puts every instant of {@code tree} into the service's form, in place, if the tree has this shape; false
     * (the tree then partly rewritten) if it has not.
     */
    boolean showTimes(ObjectNode tree) {
        if (tree.size() != names.size()) {
            return false;
        }
        for (String name : names) {
            JsonNode value = tree.get(name);
            if (value == null) {
                return false;
            }
            if (primitives.contains(name)) {
                if (!value.isNumber() && !value.isBoolean()) {
                    return false;
                }
            } else if (value.isNull()) {
                continue;
            } else if (instants.contains(name)) {
                Instant instant = value.isString() ? StoredEvents.instant(value.stringValue()) : null;
                if (instant == null) {
                    return false;
                }
                tree.put(name, Timestamps.of(instant));
            } else if (records.containsKey(name)) {
                if (!(value instanceof ObjectNode inner) || !records.get(name).showTimes(inner)) {
                    return false;
                }
            }
        }
        return true;
    }
}
