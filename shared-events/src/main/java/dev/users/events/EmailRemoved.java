package dev.users.events;

import java.util.UUID;

/** Carries the address so that readers and claim keepers need no lookup. */
public record EmailRemoved(UUID userId, UUID emailId, String address) implements UserEvent {
}
