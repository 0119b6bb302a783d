package dev.users.app.query;

import dev.users.app.support.Http;
import dev.users.events.EmailAdded;
import dev.users.events.UserEvent;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.history.UserReplays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A long stream read from checkpoints ({@link UserReplays}): every page of history, past state and audit-log page
 * whose events lie past a checkpoint answers exactly as a fold from the creation does (the first read, before any
 * checkpoint is kept), including the entries right after a checkpoint, whose {@code changes} start from it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LongHistoryTest extends QueryTest {

    /** Over four checkpoint intervals, so that reads start from the second, third and fourth checkpoint. */
    private static final int EVENTS = 1100;
    private static final int RENAME_EVERY = 7;

    @Autowired
    UserReplays replays;

    private final UUID user = UUID.randomUUID();
    private Account account;
    private Http http;

    @BeforeAll
    void longStream() {
        account = newAccount();
        http = account.http();
        UserHistory stream = history(user);
        stream.appendAt(at(0), created(user, account.id(), 1, name(0), at(0)));
        for (int s = 1; s < EVENTS; s++) {
            stream.appendAt(at(s), event(s));
        }
        awaitVersion(user, EVENTS - 1);
    }

    @Test
    void pagesFromCheckpointsEqualThoseFromTheCreation() {
        List<String> reads = List.of(
                "/api/v4/users/" + user + "/history?limit=100",
                "/api/v4/users/" + user + "/history?offset=250&limit=10",
                "/api/v4/users/" + user + "/history?offset=255&limit=2",
                "/api/v4/users/" + user + "/history?offset=511&limit=3",
                "/api/v4/users/" + user + "/history?offset=700&limit=100",
                "/api/v4/users/" + user + "/history?direction=desc&limit=100",
                "/api/v4/users/" + user + "/history?direction=desc&type=dev.users.user_renamed.v1&limit=20",
                "/api/v4/users/" + user + "/history?from=" + at(600) + "&to=" + at(800) + "&limit=50",
                "/api/v4/users/" + user + "?as_of_version=255",
                "/api/v4/users/" + user + "?as_of_version=256",
                "/api/v4/users/" + user + "?as_of_version=700",
                "/api/v4/users/" + user + "?as_of_version=100000",
                "/api/v4/users/" + user + "?as_of=" + at(513),
                "/v3/settings/users/" + user + "?as_of_version=1000",
                "/api/v4/audit_log?user_id=" + user + "&limit=100",
                "/api/v4/audit_log?user_id=" + user + "&offset=300&limit=50",
                "/api/v4/users/" + user + "/verify");
        for (String read : reads) {
            replays.dropCheckpoints(user);
            JsonNode fromCreation = ok(read);
            ok("/api/v4/users/" + user + "/history?direction=desc&limit=1"); // keeps every checkpoint
            assertThat(ok(read)).as(read).isEqualTo(fromCreation);
        }
    }

    /** After an erasure's forget, a read that was folding the user's decrypted events keeps no checkpoint of them. */
    @Test
    void aForgottenUsersReadsKeepNoCheckpoints() {
        UUID forgotten = UUID.randomUUID();
        UserHistory stream = history(forgotten);
        stream.appendAt(at(0), created(forgotten, account.id(), 2, name(0), at(0)));
        stream.appendAll(at(1), UserHistory.API_KEY, java.util.stream.IntStream.range(1, 400)
                .mapToObj(s -> (UserEvent) new UserSignedIn(forgotten, at(s - 1), at(s))).toList());
        ok("/api/v4/users/" + forgotten + "/history?offset=300&limit=10");
        assertThat(replays.checkpointsOf(forgotten)).as("kept by a read").isEqualTo(2); // after 255, and before 300
        replays.forget(forgotten);
        ok("/api/v4/users/" + forgotten + "/history?offset=300&limit=10");
        assertThat(replays.checkpointsOf(forgotten)).as("kept after the forget").isZero();
    }

    @Test
    void theUnfilteredCountIsTheStreamsLength() {
        // read from the last event's sequence number, where a filtered count counts the index's rows
        assertThat(ok("/api/v4/users/" + user + "/history?limit=1").path("total_count").asLong()).isEqualTo(EVENTS);
        assertThat(ok("/api/v4/users/" + user + "/history?direction=desc&limit=1").path("total_count").asLong())
                .isEqualTo(EVENTS);
        assertThat(ok("/api/v4/users/" + user + "/history?from=" + at(0) + "&limit=1").path("total_count").asLong())
                .isEqualTo(EVENTS);
    }

    @Test
    void entriesAndStatesAfterACheckpointStartFromIt() {
        ok("/api/v4/users/" + user + "?as_of_version=" + (EVENTS - 1)); // every checkpoint kept
        JsonNode page = ok("/api/v4/users/" + user + "/history?from=" + at(256) + "&limit=1"
                + "&type=dev.users.user_renamed.v1");
        JsonNode rename = page.path("data").get(0);
        long sequence = rename.path("sequence").asLong();
        assertThat(sequence).isEqualTo(firstRenameFrom(256)); // the first after the checkpoint of 0..255
        assertThat(rename.path("changes").get(0).path("from").asString()).isEqualTo(name(sequence - RENAME_EVERY));
        assertThat(rename.path("changes").get(0).path("to").asString()).isEqualTo(name(sequence));
        for (long version : new long[] {255, 256, 511, 512, 767, 1099}) {
            JsonNode state = ok("/api/v4/users/" + user + "?as_of_version=" + version);
            assertThat(state.path("name").asString()).as("version %d", version)
                    .isEqualTo(name(version / RENAME_EVERY * RENAME_EVERY));
            assertThat(state.path("emails").size()).as("version %d", version).isEqualTo((int) (version / 300));
        }
        assertThat(ok("/api/v4/users/" + user + "/verify").path("consistent").asBoolean()).isTrue();
    }

    private static long firstRenameFrom(long sequence) {
        return (sequence + RENAME_EVERY - 1) / RENAME_EVERY * RENAME_EVERY;
    }

    private UserEvent event(int s) {
        if (s % 300 == 0) {
            return new EmailAdded(user, UUID.randomUUID(), "long-" + s + "@example.com", false);
        }
        if (s % RENAME_EVERY == 0) {
            return new UserRenamed(user, name(s), null, null);
        }
        return new UserSignedIn(user, s == 1 ? null : at(s - 1), at(s));
    }

    private static String name(long sequence) {
        return "Long " + sequence;
    }

    private static Instant at(long sequence) {
        return BASE.plusSeconds(sequence);
    }

    private JsonNode ok(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response.text()).isEqualTo(200);
        return response.json();
    }
}
