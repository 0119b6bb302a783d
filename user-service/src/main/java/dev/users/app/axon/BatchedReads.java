package dev.users.app.axon;

import org.axonframework.eventhandling.DomainEventData;

import java.util.List;

/**
 * A serializer that reads a batch of stored events (more than one) faster when told about the batch before its
 * first event is deserialized: the personal-data serializer (app.erasure) then loads the data keys of all the
 * batch's users in one query, where it would otherwise look each user's up as it comes (one query per user in a
 * rebuild).
 */
public interface BatchedReads {

    void aboutToRead(List<? extends DomainEventData<?>> entries);
}
