package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Makes {@code address} the user's primary email, adding it (as {@code newEmailId}) when the user does not have it
 * yet: what v4's top-level {@code email} parameter means on an update.
 */
public record MakeAddressPrimary(@TargetAggregateIdentifier UUID userId, UUID accountId, String address,
                                 UUID newEmailId) implements UserChange {
}
