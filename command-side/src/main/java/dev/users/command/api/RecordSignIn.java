package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.UUID;

public record RecordSignIn(@TargetAggregateIdentifier UUID userId, UUID accountId, Instant at) implements UserCommand {
}
