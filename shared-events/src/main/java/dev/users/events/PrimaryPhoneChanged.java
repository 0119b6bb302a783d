package dev.users.events;

import java.util.UUID;

public record PrimaryPhoneChanged(UUID userId, UUID phoneId) implements UserEvent {
}
