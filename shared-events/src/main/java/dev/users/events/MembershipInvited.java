package dev.users.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An account invited an existing person (the user {@code userId}, created in another account) to become one of its
 * account users: the membership {@code membershipId} is pending until the person accepts or declines it. The roles
 * and teams are the membership's own, never the person's other accounts'. {@code accountId} is the inviting account
 * and comes right after {@code userId}, so that the event index files this event under it (V20).
 */
public record MembershipInvited(UUID userId, UUID accountId, UUID membershipId, long tinyId, List<String> roles,
                                List<String> teamIds, String email, Instant invitedAt) implements UserEvent {
}
