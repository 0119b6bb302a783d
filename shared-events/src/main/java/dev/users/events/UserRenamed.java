package dev.users.events;

import java.util.UUID;

public record UserRenamed(UUID userId, String name, String firstName, String lastName) implements UserEvent {
}
