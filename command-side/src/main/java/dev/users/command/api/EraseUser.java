package dev.users.command.api;

import java.time.Instant;
import java.util.UUID;

/**
 * Erase the person's personal data (GDPR art. 17), asked by {@code accountId}, before or after their removal. Not a
 * {@link UserChange}: a removed user can still be erased, so it is handled beside the aggregate (in the application's
 * erasure wiring, which owns the data keys), not by it.
 */
public record EraseUser(UUID userId, UUID accountId, Instant at) {
}
