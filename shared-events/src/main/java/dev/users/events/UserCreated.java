package dev.users.events;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user came into existence in an account. Emails and phones given at creation follow as their own events.
 * {@code firstName}/{@code lastName} are null when only a full name was given.
 */
public record UserCreated(UUID userId, UUID accountId, long tinyId, String name, String firstName, String lastName,
                          TimeZoneSetting timeZone, String language, NotificationPreferences notifications,
                          Map<String, String> meta, Instant createdAt) implements UserEvent {
}
