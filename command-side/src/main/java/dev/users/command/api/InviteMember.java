package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account {@code accountId} invites the existing person {@code userId} (found by one of their addresses,
 * {@code email}) to be one of its account users, with the membership's own roles and teams. Not a
 * {@link UserChange}: the inviting account is, by definition, not the person's own.
 */
public record InviteMember(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID membershipId,
                           List<String> roles, List<String> teamIds, String notificationRuleId,
                           Map<String, String> meta, String email, Instant at) implements UserCommand {
}
