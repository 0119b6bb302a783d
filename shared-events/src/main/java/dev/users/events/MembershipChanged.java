package dev.users.events;

import java.util.List;
import java.util.UUID;

/**
 * The membership's account changed its roles or teams (the whole new lists). {@code accountId} is the membership's
 * account, right after {@code userId} (see {@link MembershipInvited}).
 */
public record MembershipChanged(UUID userId, UUID accountId, UUID membershipId, List<String> roles,
                                List<String> teamIds) implements UserEvent {
}
