package dev.users.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The account ended an accepted or pending membership (it deleted the account user); the person and their other memberships stay.
 * {@code accountId} is the membership's account, right after {@code userId} (see {@link MembershipInvited}).
 */
public record MembershipEnded(UUID userId, UUID accountId, UUID membershipId, Instant at) implements UserEvent {
}
