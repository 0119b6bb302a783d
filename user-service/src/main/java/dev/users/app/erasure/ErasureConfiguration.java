package dev.users.app.erasure;

import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's event serializer, replaced by the general one (Axon's default for events, which Axon's auto-configuration
 * declares only when no "eventSerializer" exists) wrapped in {@link PersonalDataSerializer}. Every reader and writer
 * of events takes it from here: the event store, the dead-letter queue, the feed, history and the rebuild.
 */
@Configuration(proxyBeanMethods = false)
public class ErasureConfiguration {

    /**
     * {@code users.erasure.encrypt=false} stores new events' personal fields in plain, for measuring what the
     * encryption costs (an A/B of creates) only: such users cannot be erased from the event store.
     */
    @Bean
    @Qualifier("eventSerializer")
    Serializer eventSerializer(Serializer serializer, DataKeys keys,
                               @Value("${users.erasure.encrypt:true}") boolean encrypt) {
        return new PersonalDataSerializer(serializer, keys, encrypt);
    }
}
