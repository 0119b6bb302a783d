package dev.users.app.query;

import dev.users.events.AccountOwnershipTransferred;
import dev.users.events.MembershipAccepted;
import dev.users.events.MembershipAttributesChanged;
import dev.users.events.MembershipChanged;
import dev.users.events.MembershipDeclined;
import dev.users.events.MembershipInvited;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The memberships and the owner rebuild as event-by-event processing built them, also when the rebuild replays
 * the users one after the other (aggregate order) rather than in store order: a later transfer of ownership still
 * wins, and a redelivered membership event changes nothing.
 */
class MembershipRebuildTest extends QueryTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void membershipsAndTheOwnerRebuildAsTheyWere() throws Exception {
        Account home = newAccount();
        Account member = newAccount();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UserHistory one = history(first);
        UserHistory two = history(second);
        UUID kept = UUID.randomUUID();
        UUID declined = UUID.randomUUID();
        one.append(created(first, home.id(), 1, "First", BASE));
        two.append(created(second, home.id(), 2, "Second", BASE));
        one.append(new AccountOwnershipTransferred(first, home.id(), null, BASE.plusSeconds(1)),
                new MembershipInvited(first, member.id(), kept, 10, List.of(), List.of(), "first@example.com",
                        BASE.plusSeconds(2)));
        two.append(new AccountOwnershipTransferred(second, home.id(), first, BASE.plusSeconds(3)),
                new MembershipInvited(second, member.id(), declined, 11, List.of(), List.of(), "second@example.com",
                        BASE.plusSeconds(4)));
        // the first user takes ownership back after the second took it: in aggregate order it is replayed first
        one.append(new MembershipAccepted(first, member.id(), kept, BASE.plusSeconds(5)),
                new MembershipChanged(first, member.id(), kept, List.of("admin"), List.of("t-1")),
                new MembershipAttributesChanged(first, member.id(), kept, "nr_1", Map.of("desk", "7")),
                new AccountOwnershipTransferred(first, home.id(), second, BASE.plusSeconds(6)));
        two.append(new MembershipDeclined(second, member.id(), declined, BASE.plusSeconds(7)));
        await().atMost(Duration.ofSeconds(20)).until(() -> state(home.id(), member.id()),
                s -> s.memberships().size() == 1 && first.equals(s.owner())
                        && "accepted".equals(s.memberships().get(0).get("state"))
                        && "nr_1".equals(s.memberships().get(0).get("notification_rule_id")));
        State before = state(home.id(), member.id());
        assertThat(before.memberships().get(0).get("membership_id")).isEqualTo(kept);

        StreamingEventProcessor processor = processing
                .eventProcessor(UserDirectoryProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().get();
        try {
            new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                jdbc.sql("delete from tokenentry where processorname = ?").param(UserDirectoryProjection.GROUP)
                        .update();
                jdbc.sql("truncate user_directory, user_directory_lookup, account_user_counts, sign_in_audit,"
                        + " account_memberships, account_owner_view").update();
            });
        } finally {
            processor.start();
        }
        await().atMost(Duration.ofSeconds(60))
                .until(() -> tokenStore.fetchSegments(UserDirectoryProjection.GROUP).length > 0);
        assertThat(state(home.id(), member.id())).isEqualTo(before);
    }

    private record State(List<Map<String, Object>> memberships, UUID owner) {
    }

    private State state(UUID home, UUID member) {
        List<Map<String, Object>> memberships = jdbc.sql("select membership_id, user_id, state, tiny_id,"
                        + " array_to_string(roles, ',') as roles, array_to_string(team_ids, ',') as teams, version,"
                        + " notification_rule_id, cast(meta as text) as meta"
                        + " from account_memberships where account_id = ? order by membership_id")
                .param(member).query().listOfRows();
        UUID owner = jdbc.sql("select user_id from account_owner_view where account_id = ?").param(home)
                .query(UUID.class).optional().orElse(null);
        return new State(memberships, owner);
    }
}
