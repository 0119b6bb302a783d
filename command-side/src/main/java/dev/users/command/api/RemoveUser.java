package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record RemoveUser(@TargetAggregateIdentifier UUID userId, UUID accountId, Instant at) implements UserChange {
}
