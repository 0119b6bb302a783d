package dev.users.app.axon;

import dev.users.signals.Occurrences;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;

import java.util.List;

/**
 * Axon's embedded event store, which also counts, in {@code appends}, every publication of events once it has
 * committed: the hook Axon itself uses to wake its cache's reader, called with or without a unit of work around the
 * publication.
 */
final class AppendSignallingEventStore extends EmbeddedEventStore {

    private final Occurrences appends;

    AppendSignallingEventStore(Builder builder, Occurrences appends) {
        super(builder);
        this.appends = appends;
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        appends.occurred();
    }
}
