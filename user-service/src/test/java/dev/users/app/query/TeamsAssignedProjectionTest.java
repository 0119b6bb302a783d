package dev.users.app.query;

import dev.users.events.TeamsAssigned;
import dev.users.query.directory.UserDirectoryProjection;
import dev.users.query.directory.UserRow;
import dev.users.query.directory.UserRows;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** TeamsAssigned in the directory: the complete list replaces the old one, at most once per event. */
class TeamsAssignedProjectionTest extends QueryTest {

    @Autowired
    UserDirectoryProjection directory;

    @Autowired
    UserRows rows;

    @Test
    void eachAssignmentReplacesTheWholeListInTheOrderGiven() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "On Teams", BASE));
        awaitVersion(userId, 0);
        assertThat(teams(userId)).isEmpty();

        Instant assignedAt = Instant.parse("2024-05-05T05:05:05Z");
        user.appendAt(assignedAt, new TeamsAssigned(userId, List.of("tm_z", "tm_a", "tm_m")));
        awaitVersion(userId, user.version());
        assertThat(teams(userId)).containsExactly("tm_z", "tm_a", "tm_m");
        assertThat(rows.find(userId).orElseThrow().updatedAt()).isEqualTo(assignedAt);

        user.append(new TeamsAssigned(userId, List.of("tm_a")));
        awaitVersion(userId, user.version());
        assertThat(teams(userId)).containsExactly("tm_a");

        user.append(new TeamsAssigned(userId, null));
        awaitVersion(userId, user.version());
        assertThat(teams(userId)).isEmpty();
        assertThat(account.http().get("/api/v4/account_users/" + userId).json().path("team_ids").toString())
                .isEqualTo("[]");
    }

    @Test
    void aRedeliveredAssignmentChangesNothing() {
        Account account = newAccount();
        UUID userId = UUID.randomUUID();
        UserHistory user = history(userId);
        user.append(created(userId, account.id(), 1, "Redelivered", BASE),
                new TeamsAssigned(userId, List.of("tm_1")),
                new TeamsAssigned(userId, List.of("tm_2", "tm_3")));
        awaitVersion(userId, 2);
        UserRow before = rows.find(userId).orElseThrow();

        // the processor would call these again after a lost token: the same event, and an older one
        directory.on(new TeamsAssigned(userId, List.of("tm_2", "tm_3")), 2, Instant.now());
        directory.on(new TeamsAssigned(userId, List.of("tm_1")), 1, Instant.now());

        assertThat(rows.find(userId).orElseThrow()).isEqualTo(before);
        assertThat(before.teamIds()).containsExactly("tm_2", "tm_3");
    }

    private List<String> teams(UUID userId) {
        return rows.find(userId).orElseThrow().teamIds();
    }
}
