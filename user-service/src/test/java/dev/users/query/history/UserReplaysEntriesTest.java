package dev.users.query.history;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** History entries kept by {@link UserReplays}: by user and sequence number, until the user's erasure forgets them. */
class UserReplaysEntriesTest {

    @Test
    void entriesAreKeptPerEventAndForgottenWithTheirUser() {
        UserReplays replays = new UserReplays(null);
        UUID erased = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        replays.keep(erased, 3, Map.of("sequence", 3L));
        replays.keep(other, 3, Map.of("sequence", 3L, "user", "other"));
        assertThat(replays.entry(erased, 3)).containsEntry("sequence", 3L);
        assertThat(replays.entry(erased, 4)).isNull();

        replays.forget(erased);
        assertThat(replays.entry(erased, 3)).isNull();
        assertThat(replays.entry(other, 3)).containsEntry("user", "other");
    }
}
