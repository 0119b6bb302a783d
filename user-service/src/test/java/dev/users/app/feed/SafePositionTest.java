package dev.users.app.feed;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.users.app.feed.FeedTestSupport.createUser;
import static dev.users.app.feed.FeedTestSupport.page;
import static dev.users.app.feed.FeedTestSupport.position;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The feed never hands out a position past an event that may still commit below it: an append held open with a
 * lower position than events committed after it is still delivered to a polling consumer, once and in order.
 */
class SafePositionTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    SafePosition safePosition;

    @Test
    void aPollingConsumerGetsAnEventCommittedBelowLaterOnesExactlyOnceInOrder() throws Exception {
        UUID account = accounts.create("feed-" + UUID.randomUUID(), "US");
        Http http = new Http(port, apiKeys.issue(account, "test", null, true));
        UUID first = createUser(http, "First User");

        List<JsonNode> received = new ArrayList<>();
        long after = 0;
        long held;
        List<UUID> later;
        String heldId = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            held = appendSignIn(connection, first, heldId);
            later = List.of(createUser(http, "Later One"), createUser(http, "Later Two"));

            // while the lower position is in flight, the consumer gets nothing past it, whatever it polls
            for (int poll = 0; poll < 5; poll++) {
                for (JsonNode event : page(http, after, "&limit=1000")) {
                    assertThat(position(event)).isLessThan(held);
                    received.add(event);
                    after = position(event);
                }
            }
            assertThat(safePosition.current()).isLessThan(held);
            assertThat(received).extracting(event -> event.path("subject").asString())
                    .doesNotContain(later.get(0).toString(), later.get(1).toString());
            connection.commit();
        }

        long[] cursor = {after};
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<JsonNode> next = page(http, cursor[0], "&limit=2");
            for (JsonNode event : next) {
                received.add(event);
                cursor[0] = position(event);
            }
            return next.isEmpty() && received.stream().map(event -> event.path("subject").asString()).toList()
                    .contains(later.get(1).toString());
        });
        List<Long> positions = received.stream().map(FeedTestSupport::position).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();
        Set<String> ids = new HashSet<>();
        received.forEach(event -> assertThat(ids.add(event.path("id").asString())).isTrue());
        assertThat(ids).contains(heldId);
        assertThat(received).extracting(event -> event.path("subject").asString())
                .contains(first.toString(), later.get(0).toString(), later.get(1).toString());
        assertThat(received.stream().filter(event -> event.path("id").asString().equals(heldId)).findFirst()
                .orElseThrow().path("type").asString()).isEqualTo("dev.users.user_signed_in.v1");
    }

    /** A sign-in of the user, stored as the service stores events, in the connection's open transaction. */
    private static long appendSignIn(Connection connection, UUID user, String eventId) throws Exception {
        String payload = "{\"userId\":\"" + user + "\",\"previousSignInAt\":null,\"signedInAt\":\"2026-01-15T09:00:00Z\"}";
        String metadata = "{\"apiKeyId\":\"k\",\"requestId\":\"" + UUID.randomUUID() + "\"}";
        try (PreparedStatement insert = connection.prepareStatement("insert into domainevententry"
                + " (aggregateidentifier, sequencenumber, type, eventidentifier, metadata, payload, payloadrevision,"
                + " payloadtype, timestamp) values (?, ?, 'User', ?, ?, ?, null, 'dev.users.events.UserSignedIn', ?)"
                + " returning globalindex")) {
            insert.setString(1, user.toString());
            insert.setLong(2, nextSequence(connection, user));
            insert.setString(3, eventId);
            insert.setBytes(4, metadata.getBytes(StandardCharsets.UTF_8));
            insert.setBytes(5, payload.getBytes(StandardCharsets.UTF_8));
            insert.setString(6, DateTimeUtils.formatInstant(Instant.now()));
            try (ResultSet rs = insert.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long nextSequence(Connection connection, UUID user) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "select max(sequencenumber) + 1 from domainevententry where aggregateidentifier = ?")) {
            select.setString(1, user.toString());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
