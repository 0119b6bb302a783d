package dev.users.events;

import java.util.List;
import java.util.UUID;

/**
 * The teams a user is on, as PagerTree's account users carry them ({@code team_ids}). Teams are not this service's:
 * the ids are kept and echoed, not checked. The complete list after the change, in the order given.
 */
public record TeamsAssigned(UUID userId, List<String> teamIds) implements UserEvent {
}
