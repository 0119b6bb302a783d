package dev.users.app.deadletters;

import dev.users.app.axon.StoredEvents;
import dev.users.events.UserCreated;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.users.query.list.SqlValues.array;

/**
 * What the directory's dead-letter queue holds, per parked user (a sequence of Axon's queue): the first parked event
 * (the one that failed) and how many wait behind it, read from {@code deadletterentry} through JPA
 * ({@link ParkedEventEntity}). A dead letter belongs to the account of its user, which comes from the user's
 * {@code UserCreated} in the event store (there may be no directory row: the creation itself may be what is parked);
 * the event store, JDBC as everywhere, also gives each parked event's position.
 */
@Component
public class DeadLetterReports {

    private static final String GROUP = UserDirectoryProjection.GROUP;
    private static final String POSITIONS = "select eventidentifier, globalindex from domainevententry"
            + " where eventidentifier = any(?)";
    private static final String CREATIONS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " where aggregateidentifier = any(?) and sequencenumber = 0";
    private final JdbcTemplate jdbc;
    private final ParkedEventRepository parked;
    private final Serializer eventSerializer;
    private final org.axonframework.config.Configuration axon;

    DeadLetterReports(JdbcTemplate jdbc, ParkedEventRepository parked,
                      @Qualifier("eventSerializer") Serializer eventSerializer,
                      org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.parked = parked;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
    }

    /** The parked users of {@code accountId}, the longest parked first. */
    public List<ParkedUser> ofAccount(UUID accountId) {
        List<ParkedEventEntity> firsts = parked.firstOfEachUser(GROUP);
        Map<String, UUID> accounts = accountsOf(firsts.stream().map(ParkedEventEntity::sequenceIdentifier).toList());
        List<ParkedEventEntity> ofAccount = firsts.stream()
                .filter(first -> accountId.equals(accounts.get(first.sequenceIdentifier()))).toList();
        if (ofAccount.isEmpty()) {
            return List.of();
        }
        Map<String, Long> counts = new HashMap<>();
        parked.parkedPerUser(GROUP).forEach(user -> counts.put(user.getUserId(), user.getEvents()));
        Map<String, Long> positions = positionsOf(ofAccount.stream().map(ParkedEventEntity::eventIdentifier).toList());
        return ofAccount.stream()
                .map(first -> parkedUser(first, counts.getOrDefault(first.sequenceIdentifier(), 0L), positions))
                .toList();
    }

    /** How many users have parked events, and how many events are parked: one query. */
    public Counts counts() {
        ParkedEventRepository.Counts counts = parked.counts(GROUP);
        return new Counts(counts.getUsers(), counts.getEvents());
    }

    /** The account of each user, from the user's creation in the event store. */
    private Map<String, UUID> accountsOf(List<String> userIds) {
        Map<String, UUID> accounts = new HashMap<>();
        if (userIds.isEmpty()) {
            return accounts;
        }
        List<DomainEventData<?>> creations = new ArrayList<>();
        jdbc.query(CREATIONS, ps -> ps.setArray(1, array(ps, "varchar", userIds)),
                (ResultSet rs) -> {
                    creations.add(StoredEvents.entry(rs));
                });
        for (DomainEventMessage<?> creation : StoredEvents.deserialized(creations, eventSerializer,
                axon.upcasterChain())) {
            if (creation.getPayload() instanceof UserCreated created) {
                accounts.put(creation.getAggregateIdentifier(), created.accountId());
            }
        }
        return accounts;
    }

    /** The position of each event in the store (a parked event may have been appended by no one: a test's). */
    private Map<String, Long> positionsOf(List<String> eventIds) {
        Map<String, Long> positions = new HashMap<>();
        if (!eventIds.isEmpty()) {
            jdbc.query(POSITIONS, ps -> ps.setArray(1, array(ps, "varchar", eventIds)),
                    (ResultSet rs) -> {
                        positions.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return positions;
    }

    private static ParkedUser parkedUser(ParkedEventEntity first, long parkedEvents, Map<String, Long> positions) {
        return new ParkedUser(first.sequenceIdentifier(), simpleName(first.payloadType()),
                first.sequenceNumber() == null ? 0 : first.sequenceNumber(), positions.get(first.eventIdentifier()),
                instant(first.enqueuedAt()), instant(first.lastTouched()), first.causeType(), first.causeMessage(),
                parkedEvents);
    }

    private static String simpleName(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('.') + 1);
    }

    private static Instant instant(String stored) {
        return stored == null ? null : DateTimeUtils.parseInstant(stored);
    }

    /**
     * A user with parked events: the first one (its type, the user's sequence number, its position in the event
     * store when it is there), when it was parked and last retried, why, and how many events are parked in all.
     */
    public record ParkedUser(String userId, String eventType, long sequenceNumber, Long globalPosition,
                             Instant enqueuedAt, Instant lastTouched, String causeType, String causeMessage,
                             long parkedEvents) {
    }

    public record Counts(long users, long events) {
    }
}
