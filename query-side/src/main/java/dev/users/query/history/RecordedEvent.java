package dev.users.query.history;

import dev.users.events.UserEvent;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event of a user as history shows it, read from the event store (upcast and deserialized): its global
 * {@code position}, the aggregate's {@code sequence}, the documented {@code type} (see {@code EventTypes}), when
 * it was stored, the payload and the metadata it was stored with.
 */
public record RecordedEvent(long position, long sequence, String type, Instant occurredAt, UserEvent payload,
                            Map<String, String> metadata) {
}
