package dev.users.events;

import java.util.UUID;

public record PrimaryEmailChanged(UUID userId, UUID emailId) implements UserEvent {
}
