package dev.users.app.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * {@code users.kafka}: where and how the event publisher publishes. Only {@code bootstrap-servers} turns it on; the
 * rest has defaults ({@code application.yml} documents each). {@code producer} passes further Kafka client settings
 * through (TLS, SASL: {@code users.kafka.producer."security.protocol"=SASL_SSL}); they reach the topic set-up too.
 */
@ConfigurationProperties("users.kafka")
public record KafkaSettings(String bootstrapServers, @DefaultValue(DEFAULT_TOPIC) String topic,
                            @DefaultValue("12") int partitions, Short replicationFactor,
                            @DefaultValue("1000") int batchSize, @DefaultValue("30s") Duration sendTimeout,
                            @DefaultValue("1m") Duration lagLogInterval, Map<String, String> producer) {

    public static final String DEFAULT_TOPIC = "users.events";
    public static final int DEFAULT_PARTITIONS = 12;

    public KafkaSettings {
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        partitions = partitions <= 0 ? DEFAULT_PARTITIONS : partitions;
        batchSize = batchSize <= 0 ? 1000 : batchSize;
        sendTimeout = sendTimeout == null || sendTimeout.isNegative() || sendTimeout.isZero()
                ? Duration.ofSeconds(30) : sendTimeout;
        lagLogInterval = lagLogInterval == null || lagLogInterval.isNegative() || lagLogInterval.isZero()
                ? Duration.ofMinutes(1) : lagLogInterval;
        producer = producer == null ? Map.of() : Map.copyOf(producer);
    }
}
