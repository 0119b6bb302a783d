package dev.users.events;

import java.util.List;
import java.util.UUID;

/** The user's complete set of role names after the assignment, sorted. */
public record RolesAssigned(UUID userId, List<String> roles) implements UserEvent {
}
