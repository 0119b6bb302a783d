package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/** The account {@code accountId} deletes its account user {@code membershipId}: the membership ends, the person stays. */
public record EndMembership(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID membershipId, Instant at)
        implements UserCommand {
}
