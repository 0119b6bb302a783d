package dev.users.app.query;

import dev.users.events.EventTypes;
import dev.users.events.NotificationPreferences;
import dev.users.events.TimeZoneSetting;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/events.md against the event records and EventTypes: one section per record (and per value record inside
 * events), its type and revision, and a table of exactly the record's components, in order, with their types.
 */
class EventsDocumentationTest {

    private static final Path DOC = Path.of("..", "docs", "events.md");
    private static final Pattern SECTION = Pattern.compile("^## `(\\w+)`$", Pattern.MULTILINE);
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+) \\| ([^|]+) \\|$", Pattern.MULTILINE);
    private static final List<Class<?>> VALUES = List.of(TimeZoneSetting.class, NotificationPreferences.class);

    @Test
    void everyEventAndValueIsDescribedWithItsFieldsTypeAndRevision() throws IOException {
        Map<String, String> sections = sections(Files.readString(DOC));
        List<String> expected = new ArrayList<>();
        EventTypes.all().forEach(event -> expected.add(event.getSimpleName()));
        VALUES.forEach(value -> expected.add(value.getSimpleName()));
        assertThat(sections.keySet()).as("the sections of docs/events.md, in the order of UserEvent's permits")
                .containsExactlyElementsOf(expected);
        for (Class<?> event : EventTypes.all()) {
            String section = sections.get(event.getSimpleName());
            assertThat(section).as(event.getSimpleName()).contains("Type `" + EventTypes.of(event) + "`, revision "
                    + EventTypes.revision(event) + ".");
            assertThat(rows(section)).as("fields of " + event.getSimpleName()).containsExactlyElementsOf(fields(event));
        }
        for (Class<?> value : VALUES) {
            assertThat(rows(sections.get(value.getSimpleName()))).as("fields of " + value.getSimpleName())
                    .containsExactlyElementsOf(fields(value));
        }
    }

    private static Map<String, String> sections(String doc) {
        Map<String, String> sections = new LinkedHashMap<>();
        Matcher heading = SECTION.matcher(doc);
        List<int[]> bounds = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (heading.find()) {
            names.add(heading.group(1));
            bounds.add(new int[]{heading.end(), 0});
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? doc.lastIndexOf("## `" + names.get(i + 1) + "`") : doc.length();
            assertThat(sections.put(names.get(i), doc.substring(bounds.get(i)[0], end))).as("a second " + names.get(i))
                    .isNull();
        }
        return sections;
    }

    /** The table's rows as "name: type", the type without its link. */
    private static List<String> rows(String section) {
        List<String> rows = new ArrayList<>();
        Matcher row = ROW.matcher(section);
        while (row.find()) {
            String type = row.group(2).strip().replaceAll("\\[(\\w+)]\\(#\\w+\\)", "$1");
            assertThat(row.group(3).strip()).as("the meaning of " + row.group(1)).isNotEmpty();
            rows.add(row.group(1) + ": " + type);
        }
        return rows;
    }

    private static List<String> fields(Class<?> record) {
        List<String> fields = new ArrayList<>();
        for (RecordComponent component : record.getRecordComponents()) {
            fields.add(component.getName() + ": " + typeName(component.getGenericType()));
        }
        return fields;
    }

    private static String typeName(Type type) {
        if (type instanceof ParameterizedType generic) {
            String items = typeName(generic.getActualTypeArguments()[generic.getActualTypeArguments().length - 1]);
            return (List.class.equals(generic.getRawType()) ? "list of " : "map of ") + items + "s";
        }
        if (type == UUID.class) {
            return "UUID";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == Instant.class) {
            return "timestamp";
        }
        if (type == long.class || type == int.class) {
            return "integer";
        }
        if (type == boolean.class) {
            return "boolean";
        }
        return ((Class<?>) type).getSimpleName();
    }
}
