package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/**
 * Several changes to one user applied all-or-nothing in one transaction (a v4 PUT with nested emails and phones).
 * Each step is one of the single commands, for the same user and account, handled by that command's own handler;
 * the account check and the per-user limits apply once, to the revision as a whole.
 */
public record ReviseUser(@TargetAggregateIdentifier UUID userId, UUID accountId, List<UserChange> steps)
        implements UserChange {
}
