package dev.users.events;

import java.util.UUID;

/** {@code language} is a BCP 47 tag, or null when cleared. */
public record LanguageChanged(UUID userId, String language) implements UserEvent {
}
