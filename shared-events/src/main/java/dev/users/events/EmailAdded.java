package dev.users.events;

import java.util.UUID;

/** {@code address} is trimmed and lower-cased. */
public record EmailAdded(UUID userId, UUID emailId, String address, boolean primary) implements UserEvent {
}
