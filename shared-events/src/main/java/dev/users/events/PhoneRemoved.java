package dev.users.events;

import java.util.UUID;

public record PhoneRemoved(UUID userId, UUID phoneId) implements UserEvent {
}
