package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

public record MakeEmailPrimary(@TargetAggregateIdentifier UUID userId, UUID accountId, UUID emailId) implements UserChange {
}
