package dev.users.events;

import java.util.UUID;

public record PhoneBlocked(UUID userId, UUID phoneId) implements UserEvent {
}
