package dev.users.app.feed;

import java.util.List;
import java.util.UUID;

/**
 * What a consumer asks of an account's events: those after {@code after}, at most {@code limit}, of the given types
 * (documented names; empty: all) and of one user ({@code subject}, or null: every user).
 */
public record FeedQuery(UUID accountId, long after, int limit, List<String> types, UUID subject) {

    public FeedQuery {
        types = List.copyOf(types);
    }

    /** The same query, after another position (the stream's next read). */
    public FeedQuery after(long position) {
        return new FeedQuery(accountId, position, limit, types, subject);
    }
}
