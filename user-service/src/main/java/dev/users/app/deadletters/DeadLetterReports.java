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
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.users.query.list.SqlValues.array;

/**
 * What the directory's dead-letter queue holds, per parked user (a sequence of Axon's queue): the first parked event
 * (the one that failed) and how many wait behind it, read straight from {@code deadletterentry} in one query. A dead
 * letter belongs to the account of its user, which comes from the user's {@code UserCreated} in the event store
 * (there may be no directory row: the creation itself may be what is parked).
 */
@Component
public class DeadLetterReports {

    private static final String GROUP = UserDirectoryProjection.GROUP;
    private static final String FIRST_LETTERS = "select d.sequenceidentifier, d.payloadtype, d.sequencenumber,"
            + " e.globalindex, d.enqueuedat, d.lasttouched, d.causetype, d.causemessage, s.parked"
            + " from (select sequenceidentifier, min(sequenceindex) as first, count(*) as parked"
            + " from deadletterentry where processinggroup = ? group by sequenceidentifier) s"
            + " join deadletterentry d on d.processinggroup = ? and d.sequenceidentifier = s.sequenceidentifier"
            + " and d.sequenceindex = s.first"
            + " left join domainevententry e on e.eventidentifier = d.eventidentifier"
            + " order by d.enqueuedat, d.sequenceidentifier";
    private static final String CREATIONS = "select " + StoredEvents.COLUMNS + " from domainevententry"
            + " where aggregateidentifier = any(?) and sequencenumber = 0";
    private static final String COUNTS = "select count(distinct sequenceidentifier), count(*) from deadletterentry"
            + " where processinggroup = ?";

    private final JdbcTemplate jdbc;
    private final Serializer eventSerializer;
    private final org.axonframework.config.Configuration axon;

    DeadLetterReports(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer eventSerializer,
                      org.axonframework.config.Configuration axon) {
        this.jdbc = jdbc;
        this.eventSerializer = eventSerializer;
        this.axon = axon;
    }

    /** The parked users of {@code accountId}, the longest parked first. */
    public List<ParkedUser> ofAccount(UUID accountId) {
        List<ParkedUser> all = jdbc.query(FIRST_LETTERS, DeadLetterReports::parkedUser, GROUP, GROUP);
        Map<String, UUID> accounts = accountsOf(all.stream().map(ParkedUser::userId).toList());
        return all.stream().filter(user -> accountId.equals(accounts.get(user.userId()))).toList();
    }

    /** How many users have parked events, and how many events are parked: one query. */
    public Counts counts() {
        return jdbc.queryForObject(COUNTS, (rs, n) -> new Counts(rs.getLong(1), rs.getLong(2)), GROUP);
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

    private static ParkedUser parkedUser(ResultSet rs, int n) throws SQLException {
        return new ParkedUser(rs.getString("sequenceidentifier"), simpleName(rs.getString("payloadtype")),
                rs.getLong("sequencenumber"), rs.getObject("globalindex", Long.class),
                instant(rs.getString("enqueuedat")), instant(rs.getString("lasttouched")),
                rs.getString("causetype"), rs.getString("causemessage"), rs.getLong("parked"));
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
