package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Replaces the user's roles with {@code roles} (names); each must be in the account's role catalog. */
public record AssignRoles(@TargetAggregateIdentifier UUID userId, UUID accountId, List<String> roles)
        implements UserChange {
}
