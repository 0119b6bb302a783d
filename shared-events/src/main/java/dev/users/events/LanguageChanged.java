package dev.users.events;

import java.util.UUID;

/**
 * The user's preferred language changed: {@code languageTag} is a BCP 47 tag in canonical case ({@code en-US}), or
 * null when cleared. Revision 2: revision 1 called the field {@code language}, which read as a language's name; events
 * stored under it are upcast when read (the service's {@code LanguageChangedUpcaster}).
 */
public record LanguageChanged(UUID userId, String languageTag) implements UserEvent {
}
