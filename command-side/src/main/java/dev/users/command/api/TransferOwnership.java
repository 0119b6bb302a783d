package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** Makes the user its account's owner; the previous owner, if any, stays a user with the roles it has. */
public record TransferOwnership(@TargetAggregateIdentifier UUID userId, UUID accountId, Instant at)
        implements UserChange {
}
