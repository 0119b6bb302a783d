package dev.users.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The user became its account's owner (always admin and billing), taking over from {@code previousOwnerId} (null:
 * the account had no owner). {@code accountId} is the user's home account.
 */
public record AccountOwnershipTransferred(UUID userId, UUID accountId, UUID previousOwnerId, Instant at)
        implements UserEvent {
}
