package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** New users and their events get time-ordered ids (UUID version 7): inserts land at the right edge of the indexes. */
class TimeOrderedIdsTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void usersCreatedOneAfterTheOtherGetIncreasingVersion7Ids() {
        String first = createUser("Ordered One");
        String second = createUser("Ordered Two");

        assertThat(UUID.fromString(first).version()).isEqualTo(7);
        assertThat(UUID.fromString(second).version()).isEqualTo(7);
        assertThat(second).isGreaterThan(first);
    }

    @Test
    void aUsersEventsGetIncreasingVersion7Ids() {
        String userId = createUser("Ordered Events");

        List<String> eventIds = jdbc.sql("select eventidentifier from domainevententry where aggregateidentifier = ?"
                + " order by sequencenumber").param(userId).query(String.class).list();

        assertThat(eventIds).hasSize(2).isSorted()
                .allSatisfy(id -> assertThat(UUID.fromString(id).version()).isEqualTo(7));
    }

    private String createUser(String name) {
        var created = api().post("/api/v4/users", Map.of("name", name, "email", uniqueEmail("ordered")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }
}
