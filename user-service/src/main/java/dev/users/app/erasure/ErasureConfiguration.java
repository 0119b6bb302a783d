package dev.users.app.erasure;

import org.axonframework.eventsourcing.eventstore.jdbc.statements.AppendEventsStatementBuilder;
import org.axonframework.eventsourcing.eventstore.jdbc.statements.JdbcEventStorageEngineStatements;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's event serializer, replaced by the general one (Axon's default for events, which Axon's auto-configuration
 * declares only when no "eventSerializer" exists) wrapped in {@link PersonalDataSerializer}. Every reader and writer
 * of events takes it from here: the event store, the dead-letter queue, the feed, history and the rebuild.
 */
@Configuration(proxyBeanMethods = false)
public class ErasureConfiguration {

    /** {@code users.erasure.encrypt} ({@link ErasureSettings}) turns the encryption of new events off for an A/B. */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer, DataKeys keys, ErasureSettings settings) {
        return new PersonalDataSerializer(serializer, keys, settings.encrypt());
    }

    /**
     * The event store's append: with encryption, one that inserts a created user's data key in the events' own
     * statement ({@link KeyedEventAppends}); without, Axon's own.
     */
    @Bean
    AppendEventsStatementBuilder eventAppends(DataKeys keys, ErasureSettings settings) {
        return settings.encrypt() ? new KeyedEventAppends(keys) : JdbcEventStorageEngineStatements::appendEvents;
    }
}
