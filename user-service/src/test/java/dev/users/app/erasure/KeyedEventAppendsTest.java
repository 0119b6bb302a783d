package dev.users.app.erasure;

import dev.users.events.NotificationPreferences;
import dev.users.events.UserCreated;
import dev.users.events.UserRenamed;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A created user's data key is inserted by the events' own append ({@link KeyedEventAppends}): it is the key the
 * events are encrypted under (a node that has nothing cached reads them with the stored key), it is there once the
 * append commits and gone when it rolls back, and an append that would store a second key for a user fails whole
 * instead of leaving events no stored key opens.
 */
class KeyedEventAppendsTest extends ErasureFixture {

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer events;

    @Autowired
    Serializer general;

    @Autowired
    MasterKey master;

    @Autowired
    TransactionTemplate transactions;

    private static GenericDomainEventMessage<UserCreated> creation(UUID user, String name) {
        return new GenericDomainEventMessage<>("User", user.toString(), 0, new UserCreated(user, UUID.randomUUID(), 1,
                name, null, null, null, "en", NotificationPreferences.DEFAULT, Map.of("desk", "Desk of " + name),
                Instant.parse("2026-01-01T00:00:00Z")));
    }

    /** The user's stored events as a node with nothing cached reads them: through the key in {@code user_keys}. */
    private List<Object> readOnAFreshNode(UUID user) {
        PersonalDataSerializer fresh = new PersonalDataSerializer(general,
                new DataKeys(jdbc, master, new RecentErasures()), true);
        return jdbc.query("select payloadtype, payload from domainevententry where aggregateidentifier = ?"
                        + " order by sequencenumber", (rs, n) -> fresh.deserialize(new SimpleSerializedObject<>(
                        rs.getBytes(2), byte[].class, rs.getString(1), null)), user.toString());
    }

    @Test
    void aCreatedUsersEventsReadWithTheKeyTheirAppendStored() {
        UUID user = UUID.randomUUID();
        GenericDomainEventMessage<UserCreated> created = creation(user, "Hal Appended");
        UserRenamed renamed = new UserRenamed(user, "Hal Renamed", null, null);
        transactions.executeWithoutResult(status -> eventStore.publish(List.of(created,
                new GenericDomainEventMessage<>("User", user.toString(), 1, renamed))));

        assertThat(count("user_keys where user_id = ? and wrapped_key is not null", user)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select convert_from(payload, 'UTF8') from domainevententry"
                + " where aggregateidentifier = ? and sequencenumber = 0", String.class, user.toString()))
                .doesNotContain("Hal", "Desk of");
        assertThat(readOnAFreshNode(user)).containsExactly(created.getPayload(), renamed);
    }

    @Test
    void aRolledBackCreationLeavesNoKey() {
        UUID user = UUID.randomUUID();
        transactions.executeWithoutResult(status -> {
            eventStore.publish(creation(user, "Ida Rolledback"));
            assertThat(count("user_keys where user_id = ?", user)).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(count("user_keys where user_id = ?", user)).isZero();
        assertThat(count("domainevententry where aggregateidentifier = ?", user.toString())).isZero();
    }

    @Test
    void aCreationWhoseUserHasAStoredKeyAlreadyFailsWholeAndKeepsThatKey() {
        UUID user = UUID.randomUUID();
        byte[] first = Aes.encrypt(master.key(), user, MasterKey.randomKey());
        jdbc.update("insert into user_keys (user_id, wrapped_key) values (?, ?)", user, first);

        // as when the user's first event is there already: a unique violation of the append's statement
        assertThatThrownBy(() -> transactions.executeWithoutResult(status ->
                eventStore.publish(creation(user, "Jo Second")))).isInstanceOf(AggregateStreamCreationException.class)
                .rootCause().hasMessageContaining("user_keys");

        assertThat(count("domainevententry where aggregateidentifier = ?", user.toString())).isZero();
        assertThat(jdbc.queryForObject("select wrapped_key from user_keys where user_id = ?", byte[].class, user))
                .isEqualTo(first);
    }
}
