package dev.users.command.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.UUID;

/** Replaces the user's team ids (PagerTree's {@code team_ids}; kept and echoed, teams live elsewhere). */
public record AssignTeams(@TargetAggregateIdentifier UUID userId, UUID accountId, List<String> teamIds)
        implements UserChange {
}
