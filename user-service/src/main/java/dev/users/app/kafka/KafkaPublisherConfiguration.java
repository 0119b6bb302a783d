package dev.users.app.kafka;

import dev.users.app.axon.StoreEventSource;
import dev.users.app.feed.FeedEvents;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventSerializer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.ProducerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.util.HashMap;
import java.util.Map;

/**
 * The Kafka publisher, only when {@code users.kafka.bootstrap-servers} names a broker: without one, nothing of Kafka
 * is created (no producer, no processor, no thread). Its processor ({@link #GROUP}) has a token of its own in the
 * service's token store and starts, the first time, at the tail: the topic receives every event ever stored, then
 * each new one. It runs on one thread of its own, reading the store itself, so that neither the read models'
 * processor nor a request ever waits for Kafka; on several nodes the token's claim lets one publish at a time.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${users.kafka.bootstrap-servers:}'.isBlank()")
@EnableConfigurationProperties(KafkaSettings.class)
public class KafkaPublisherConfiguration {

    public static final String GROUP = "kafka-publisher";

    /** Idempotent, every in-sync replica acknowledging: no loss and no reordering by the producer's own retries. */
    @Bean
    DefaultKafkaProducerFactory<String, CloudEvent> kafkaPublisherProducers(KafkaSettings settings) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "users-" + GROUP);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(settings.producer());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        int timeoutMs = (int) settings.sendTimeout().toMillis();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(30_000, timeoutMs / 2));
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs);
        return new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new CloudEventSerializer());
    }

    @Bean
    PublisherLag kafkaPublisherLag(MeterRegistry registry, EventProcessingConfiguration processing, JdbcClient jdbc,
                                   KafkaSettings settings) {
        return new PublisherLag(registry, processing, jdbc, settings.lagLogInterval());
    }

    @Bean
    EventPublisher kafkaEventPublisher(ProducerFactory<String, CloudEvent> kafkaPublisherProducers,
                                       JdbcClient jdbc, FeedEvents feedEvents, JsonMapper json,
                                       PublisherLag kafkaPublisherLag, KafkaSettings settings) {
        return new EventPublisher(kafkaPublisherProducers, new PublishedTopic(settings), new EventOrigins(jdbc),
                feedEvents, new CloudEventRecords(json, settings.topic()), kafkaPublisherLag, settings.sendTimeout());
    }

    @Bean
    ConfigurerModule kafkaPublisherProcessor(ObjectProvider<StoreEventSource> source, KafkaSettings settings) {
        return configurer -> configurer.eventProcessing().registerTrackingEventProcessor(GROUP,
                c -> source.getObject(),
                c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                        .andBatchSize(settings.batchSize())
                        .andInitialTrackingToken(StreamableMessageSource::createTailToken));
    }
}
