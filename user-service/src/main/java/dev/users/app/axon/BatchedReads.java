package dev.users.app.axon;

import org.axonframework.eventhandling.DomainEventData;

import java.util.List;
import java.util.function.Supplier;

/**
 * A serializer that reads a batch of stored events (more than one) faster when the batch's deserialization runs
 * inside {@link #reading}: the personal-data serializer (app.erasure) then loads the data keys of all the batch's
 * users in one query and holds them for that batch, where it would otherwise look each user's up as it comes (one
 * query per user in a rebuild).
 */
public interface BatchedReads {

    /** What {@code deserializing} returns; it deserializes the entries, on this thread, before it returns. */
    <T> T reading(List<? extends DomainEventData<?>> entries, Supplier<T> deserializing);
}
