package dev.users.app.axon;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which also tells {@link LocalAppends} when events it stored have committed: the hook
 * Axon itself uses to wake its cache's reader, called with or without a unit of work around the publication.
 */
final class AppendSignallingEventStore extends EmbeddedEventStore {

    private final LocalAppends appends;

    AppendSignallingEventStore(Builder builder, LocalAppends appends) {
        super(builder);
        this.appends = appends;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        appends.appended();
    }
}
