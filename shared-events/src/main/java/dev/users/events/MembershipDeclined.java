package dev.users.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The person declined the invitation: the membership is gone, and the account may invite the person again.
 * {@code accountId} is the membership's account, right after {@code userId} (see {@link MembershipInvited}).
 */
public record MembershipDeclined(UUID userId, UUID accountId, UUID membershipId, Instant at) implements UserEvent {
}
