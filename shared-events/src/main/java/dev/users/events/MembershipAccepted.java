package dev.users.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The person accepted the invitation: from now on the account lists the membership as one of its account users.
 * {@code accountId} is the membership's account, right after {@code userId} (see {@link MembershipInvited}).
 */
public record MembershipAccepted(UUID userId, UUID accountId, UUID membershipId, Instant at) implements UserEvent {
}
