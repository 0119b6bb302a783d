package dev.users.app.kafka;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The topic, created if missing with {@code users.kafka.partitions} partitions (and the broker's default
 * replication unless {@code users.kafka.replication-factor} says otherwise) before the first batch is sent, not at
 * start: a broker that is down then must not stop the service from starting. Checked again after a failed batch,
 * so that a topic deleted (or a broker replaced) meanwhile is made again rather than auto-created with the broker's
 * defaults. An existing topic is left as it is, whatever its partition count.
 */
final class PublishedTopic {

    private static final Logger LOG = LoggerFactory.getLogger(PublishedTopic.class);

    private final KafkaSettings settings;
    private volatile boolean ready;

    PublishedTopic(KafkaSettings settings) {
        this.settings = settings;
    }

    void ensure() throws InterruptedException, ExecutionException, TimeoutException {
        if (ready) {
            return;
        }
        Map<String, Object> config = new HashMap<>(settings.producer());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        int timeoutMs = (int) settings.sendTimeout().toMillis();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            NewTopic topic = new NewTopic(settings.topic(), Optional.of(settings.partitions()),
                    Optional.ofNullable(settings.replicationFactor()));
            admin.createTopics(List.of(topic)).all().get(timeoutMs, TimeUnit.MILLISECONDS);
            LOG.info("created Kafka topic {} with {} partitions", settings.topic(), settings.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        ready = true;
    }

    /** After a failure: look again before the next batch. */
    void forget() {
        ready = false;
    }
}
