package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account {@code accountId} changes its membership's roles (grants and revokes, names of its catalog) and,
 * when {@code teamIds} is not null, replaces its teams; when {@code setsRule}, sets its notification rule id
 * ({@code notificationRuleId}, null clears it), and when {@code meta} is not null, replaces its meta. The person's
 * profile is not the membership's to change.
 */
public record ChangeMembership(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID membershipId,
                               List<String> grant, List<String> revoke, List<String> teamIds, boolean setsRule,
                               String notificationRuleId, Map<String, String> meta) implements UserCommand {
}
