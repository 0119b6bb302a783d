package dev.users.events;

import java.util.UUID;

public record NotificationPreferencesChanged(UUID userId, NotificationPreferences notifications) implements UserEvent {
}
