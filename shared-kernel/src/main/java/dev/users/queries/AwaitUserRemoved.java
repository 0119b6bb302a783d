package dev.users.queries;

import java.util.UUID;

/**
 * Asks the read side to answer once the user no longer shows in its read models (after a RemoveUser), so that a
 * delete answered 204 is followed by 404s on every surface. Answered with {@code true} when gone, {@code false} when
 * the read model did not catch up in time.
 */
public record AwaitUserRemoved(UUID accountId, UUID userId) {
}
