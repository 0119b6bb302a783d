package dev.users.app.metrics;

import dev.users.app.deadletters.DeadLetterReports;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Gauges read when Prometheus scrapes, never on a request's or a batch's path: each tracking processor's lag (events
 * behind the store's head, and the age of the first event it has not applied) and the dead-letter counts. Each is one
 * indexed query per scrape.
 */
@Component
class ProcessorLagMeters implements SmartInitializingSingleton {

    private static final long UNKNOWN = Long.MIN_VALUE;

    private final MeterRegistry registry;
    private final EventProcessingConfiguration processing;
    private final JdbcClient jdbc;
    private final DeadLetterReports deadLetters;

    ProcessorLagMeters(MeterRegistry registry, EventProcessingConfiguration processing, JdbcClient jdbc,
                       DeadLetterReports deadLetters) {
        this.registry = registry;
        this.processing = processing;
        this.jdbc = jdbc;
        this.deadLetters = deadLetters;
    }

    /** Once every processor is registered (they are known only after Axon's configuration ran). */
    @Override
    public void afterSingletonsInstantiated() {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof TrackingEventProcessor tracking) {
                Gauge.builder(ServiceMetrics.PROCESSOR_LAG_EVENTS, tracking, this::eventsBehind)
                        .tag("processor", name).description("events stored but not yet applied by the processor")
                        .register(registry);
                Gauge.builder(ServiceMetrics.PROCESSOR_LAG_SECONDS, tracking, this::secondsBehind)
                        .tag("processor", name).baseUnit("seconds")
                        .description("age of the oldest event the processor has not applied, 0 when current")
                        .register(registry);
            }
        });
        Gauge.builder(ServiceMetrics.DEAD_LETTER_USERS, deadLetters, d -> d.counts().users())
                .description("users with events parked in the read models' dead-letter queue").register(registry);
        Gauge.builder(ServiceMetrics.DEAD_LETTER_EVENTS, deadLetters, d -> d.counts().events())
                .description("events parked in the read models' dead-letter queue").register(registry);
    }

    private double eventsBehind(TrackingEventProcessor processor) {
        long position = position(processor);
        if (position == UNKNOWN) {
            return Double.NaN;
        }
        long head = jdbc.sql("select coalesce(max(globalindex), -1) from domainevententry").query(Long.class).single();
        return Math.max(0, head - position);
    }

    private double secondsBehind(TrackingEventProcessor processor) {
        long position = position(processor);
        if (position == UNKNOWN) {
            return Double.NaN;
        }
        return jdbc.sql("select timestamp from domainevententry where globalindex > ? order by globalindex limit 1")
                .param(position).query(String.class).optional()
                .map(stored -> Duration.between(Instant.parse(stored), Instant.now()).toMillis() / 1000.0)
                .map(seconds -> Math.max(0, seconds)).orElse(0.0);
    }

    /**
     * The lowest position any of the processor's segments has reached, -1 before its first event; UNKNOWN while it
     * runs no segment (stopped, or not started yet): its gauges are then NaN, which Prometheus charts as a gap.
     */
    private static long position(TrackingEventProcessor processor) {
        Map<Integer, EventTrackerStatus> status = processor.processingStatus();
        return status.values().stream().map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(p -> p.orElse(-1)).min().orElse(UNKNOWN);
    }
}
