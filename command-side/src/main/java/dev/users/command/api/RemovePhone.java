package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record RemovePhone(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID phoneId) implements UserChange {
}
