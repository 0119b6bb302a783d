package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a sign-in {@code at} the time the client gives. {@code receivedAt} is when the service received the
 * request (its clock), so that the aggregate's rule against sign-ins in the future stays deterministic.
 */
public record RecordSignIn(@TargetAggregateIdentifier UUID userId, UUID accountId, Instant at, Instant receivedAt)
        implements UserChange {
}
