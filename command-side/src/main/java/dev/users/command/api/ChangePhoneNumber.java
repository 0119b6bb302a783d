package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Gives an existing phone entry a new number, keeping its id, primary flag and blocked state (emitted as
 * PhoneRemoved followed by PhoneAdded with the same id, and PhoneBlocked when it was blocked).
 * {@code phone.phoneId()} must equal {@code phoneId}; {@code phone.primary()} is ignored.
 */
public record ChangePhoneNumber(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID phoneId, NewPhone phone)
        implements UserChange {
}
