package dev.users.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The user is gone from every surface; {@code releasedEmails} are free for other users again. */
public record UserRemoved(UUID userId, List<String> releasedEmails, Instant removedAt) implements UserEvent {
}
