package dev.users.events;

import java.util.UUID;

/** {@code timeZone} is null when the user's zone was cleared. */
public record TimeZoneChanged(UUID userId, TimeZoneSetting timeZone) implements UserEvent {
}
