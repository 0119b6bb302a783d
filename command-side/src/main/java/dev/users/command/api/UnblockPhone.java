package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record UnblockPhone(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID phoneId) implements UserChange {
}
