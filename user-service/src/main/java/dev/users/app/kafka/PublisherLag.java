package dev.users.app.kafka;

import dev.users.app.metrics.ServiceMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the publisher is behind the store's head, in events: the gauge {@code users.kafka.publisher.lag} (read when
 * Prometheus scrapes) and a warning, at most once per {@code users.kafka.lag-log-interval}, when the publisher has not
 * yet reached the head the previous check saw (it is behind by more than the events of one interval: Kafka is down
 * or slow, not merely a batch in flight). While the processor holds no segment (between retries after a failure) its
 * position is the last one Kafka acknowledged.
 */
final class PublisherLag implements SmartInitializingSingleton, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherLag.class);
    static final long UNKNOWN = Long.MIN_VALUE;

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final Duration logInterval;
    private final AtomicLong acknowledged = new AtomicLong(UNKNOWN);
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kafka-publisher-lag");
        thread.setDaemon(true);
        return thread;
    });
    private long headAtLastCheck = UNKNOWN;

    PublisherLag(MeterRegistry registry, EventProcessingConfiguration processing, JdbcClient jdbc,
                 Duration logInterval) {
        this.registry = registry;
        this.processing = processing;
        this.jdbc = jdbc;
        this.logInterval = logInterval;
    }

    /** Kafka acknowledged every event up to this position (a batch committed). */
    void acknowledged(long position) {
        if (position != UNKNOWN) {
            acknowledged.set(position);
        }
    }

    /** The first batch since the start begins after this position. */
    void resumingAfter(long position) {
        acknowledged.compareAndSet(UNKNOWN, position);
    }

    @Override
    public void afterSingletonsInstantiated() {
        Gauge.builder(ServiceMetrics.KAFKA_PUBLISHER_LAG, this, PublisherLag::eventsBehind)
                .description("events stored but not yet acknowledged by Kafka").register(registry);
        long millis = logInterval.toMillis();
        checks.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        checks.shutdownNow();
    }

    double eventsBehind() {
        long position = position();
        return position == UNKNOWN ? Double.NaN : Math.max(0, head() - position);
    }

    private void check() {
        try {
            long head = head();
            long position = position();
            if (position != UNKNOWN && headAtLastCheck != UNKNOWN && position < headAtLastCheck) {
                LOG.warn("Kafka publisher is {} events behind the store head (published through position {},"
                        + " head {}); it retries until Kafka takes them", head - position, position, head);
            }
            headAtLastCheck = head;
        } catch (RuntimeException e) {
            LOG.debug("could not read the Kafka publisher's lag", e);
        }
    }

    /** The processor's position while it runs a segment, else the last one Kafka acknowledged. */
    private long position() {
        Map<Integer, EventTrackerStatus> status = processing
                .eventProcessor(KafkaPublisherConfiguration.GROUP, TrackingEventProcessor.class)
                .map(TrackingEventProcessor::processingStatus).orElse(Map.of());
        return status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1)).min().orElse(acknowledged.get());
    }

    private long head() {
        return jdbc.sql("select coalesce(max(globalindex), -1) from domainevententry").query(Long.class).single();
    }
}
