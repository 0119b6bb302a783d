package dev.users.app.feed;

import java.time.Instant;
import java.util.UUID;

/** One event as the feed, the stream and Kafka hand it out: its identity, place in the store and its data. */
public record FeedEvent(String id, long position, UUID accountId, UUID userId, long sequence, String type,
                        Instant time, Object data) {
}
