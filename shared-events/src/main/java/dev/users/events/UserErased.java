package dev.users.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The person's personal data was erased (GDPR art. 17) by their home account {@code accountId}: every personal field
 * of their earlier events now reads {@code "[erased]"}, and the user is gone from every surface as after a removal.
 * Downstream copies must forget the person (docs/consuming.md). Carries nothing personal itself.
 */
public record UserErased(UUID userId, UUID accountId, Instant erasedAt) implements UserEvent {

    /** What every personal value of the person reads as after the erasure. */
    public static final String ERASED = "[erased]";
}
