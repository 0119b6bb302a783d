package dev.users.app.erasure;

import dev.users.events.EventTypes;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text an event carries is either a personal field (encrypted) or named as not personal, with a reason. */
class PersonalFieldsTest {

    @Test
    void everyTextOfEveryEventIsClassified() {
        List<String> unclassified = new ArrayList<>();
        for (Class<?> event : EventTypes.all()) {
            for (RecordComponent component : event.getRecordComponents()) {
                if (holdsText(component.getGenericType())
                        && !PersonalFields.of(event.getName()).contains(component.getName())
                        && !PersonalFields.NOT_PERSONAL.contains(component.getName())) {
                    unclassified.add(event.getSimpleName() + "." + component.getName());
                }
            }
        }
        assertThat(unclassified).as("add each to PersonalFields (personal) or PersonalFields.NOT_PERSONAL").isEmpty();
        assertThat(PersonalFields.of("dev.users.events.UserCreated")).contains("name", "meta");
    }

    private static boolean holdsText(Type type) {
        if (type == String.class) {
            return true;
        }
        if (type instanceof ParameterizedType parameterized) {
            return Arrays.stream(parameterized.getActualTypeArguments()).anyMatch(PersonalFieldsTest::holdsText);
        }
        return type instanceof Class<?> c && c.isRecord()
                && Arrays.stream(c.getRecordComponents()).anyMatch(rc -> holdsText(rc.getGenericType()));
    }
}
