package dev.users.events;

import java.util.Map;
import java.util.UUID;

/** The whole new meta map (not a diff), so a reader never needs the previous state. */
public record MetaChanged(UUID userId, Map<String, String> meta) implements UserEvent {
}
