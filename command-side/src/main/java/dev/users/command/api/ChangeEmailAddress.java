package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Gives an existing email entry a new address, keeping its id and primary flag (emitted as EmailRemoved followed by
 * EmailAdded with the same id). {@code address} is checked as {@link NewEmail}'s is.
 */
public record ChangeEmailAddress(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID emailId, String address)
        implements UserChange {
}
