package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record AddPhone(@TargetAggregateIdentifier UUID userId, UUID accountId, NewPhone phone) implements UserChange {
}
