package dev.users.events;

import java.util.UUID;

public record PhoneUnblocked(UUID userId, UUID phoneId) implements UserEvent {
}
