package dev.users.queries;

import java.util.UUID;

/**
 * Asks the read side for a membership of a person from another account, rendered as a v4 account user, once it
 * shows at least {@code minVersion} (the person's sequence number the write produced). Answered with a
 * {@code Map<String, Object>}, as {@link FetchUserView} is.
 */
public record FetchMembershipView(UUID accountId, UUID userId, UUID membershipId, long minVersion) {
}
