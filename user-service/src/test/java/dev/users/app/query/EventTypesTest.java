package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.EventTypes;
import dev.users.events.UserCreated;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documented event type names: one per event record and revision, and read back to the record they name. */
class EventTypesTest {

    @Test
    void typesAreSnakeCaseWithTheRevision() {
        assertThat(EventTypes.of("UserCreated", null)).isEqualTo("dev.users.user_created.v1");
        assertThat(EventTypes.of("NotificationPreferencesChanged", "2"))
                .isEqualTo("dev.users.notification_preferences_changed.v2");
    }

    @Test
    void everyTypeNamesItsRecordBack() {
        assertThat(EventTypes.all()).contains(UserCreated.class, EmailAdded.class);
        for (Class<?> event : EventTypes.all()) {
            String type = EventTypes.of(event.getSimpleName(), "3");
            assertThat(EventTypes.eventName(type)).contains(event.getSimpleName());
            assertThat(EventTypes.revision(type)).contains("3");
        }
    }

    @Test
    void onlyTheCurrentRevisionOfARecordIsCurrent() {
        assertThat(EventTypes.of(UserCreated.class)).isEqualTo("dev.users.user_created.v1");
        assertThat(EventTypes.of(dev.users.events.LanguageChanged.class)).isEqualTo("dev.users.language_changed.v2");
        assertThat(EventTypes.isCurrent("dev.users.language_changed.v2")).isTrue();
        assertThat(EventTypes.isCurrent("dev.users.language_changed.v1")).isFalse();
        assertThat(EventTypes.isCurrent("dev.users.user_created.v1")).isTrue();
        assertThat(EventTypes.isCurrent("dev.users.user_created.v01")).isFalse();
        assertThat(EventTypes.isCurrent("dev.users.nothing.v1")).isFalse();
        assertThat(EventTypes.isCurrent(null)).isFalse();
    }

    @Test
    void malformedTypesNameNothing() {
        assertThat(EventTypes.eventName("dev.users.no_such_event.v1")).isEmpty();
        assertThat(EventTypes.eventName("user_created")).isEmpty();
        assertThat(EventTypes.eventName(null)).isEmpty();
        assertThat(EventTypes.revision("dev.users.user_created.vx")).isEmpty();
        assertThat(EventTypes.revision("dev.users.user_created.v")).isEmpty();
    }
}
