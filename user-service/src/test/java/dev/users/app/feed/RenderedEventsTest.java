package dev.users.app.feed;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The feed's rendered events: kept by position, forgotten with their user's erasure, and not kept again after it. */
class RenderedEventsTest {

    @Test
    void anErasureForgetsTheUsersEventsAndKeepsNoneRenderedAfterIt() {
        RenderedEvents rendered = new RenderedEvents(new dev.users.app.erasure.RecentErasures());
        UUID erased = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        rendered.keep(1, new RenderedEvents.Rendered(erased, "{\"name\":\"Ada\"}"));
        rendered.keep(2, new RenderedEvents.Rendered(other, "{\"name\":\"Bob\"}"));
        assertThat(rendered.get(1).json()).contains("Ada");

        rendered.forget(erased);
        assertThat(rendered.get(1)).isNull();
        assertThat(rendered.get(2).json()).contains("Bob");
        // a read that decrypted the event before the erasure committed, and keeps it after
        rendered.keep(1, new RenderedEvents.Rendered(erased, "{\"name\":\"Ada\"}"));
        assertThat(rendered.get(1)).isNull();
    }
}
