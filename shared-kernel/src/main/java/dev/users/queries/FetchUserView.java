package dev.users.queries;

import java.util.UUID;

/**
 * Asks the read side for a user rendered in one surface's shape ({@link Surface}), once the read model has
 * caught up with at least {@code minVersion} (the aggregate sequence number a write produced; -1 for "any").
 * Answered with a {@link UserView}: the body ready to be written as JSON and the version it shows.
 */
public record FetchUserView(Surface surface, UUID accountId, UUID userId, long minVersion) {
}
