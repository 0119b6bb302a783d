package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record AddEmail(@TargetAggregateIdentifier UUID userId, UUID accountId, NewEmail email) implements UserChange {
}
