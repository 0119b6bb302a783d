package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Grants and revokes roles, leaving the others as they are: what a PagerTree roles hash
 * ({@code {"admin": true, "billing": false}}) means. Granted roles must be in the account's catalog.
 */
public record ChangeRoles(@TargetAggregateIdentifier UUID userId, UUID accountId, List<String> grant,
                          List<String> revoke) implements UserChange {
}
