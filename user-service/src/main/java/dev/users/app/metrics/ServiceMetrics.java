package dev.users.app.metrics;

/**
 * The names of the service's own meters (Prometheus: dots become underscores), besides Spring's
 * ({@code http_server_requests_seconds}, JVM, Hikari) and Axon's ({@code commandBus_*}, {@code queryBus_*},
 * {@code eventStore_*}, tagged by payload type: AxonMessageMeters). {@code docs/grafana-dashboard.json}
 * charts them; GrafanaDashboardTest checks that every name it charts is served.
 */
public final class ServiceMetrics {

    /** Events stored but not yet applied by a processor (tag {@code processor}). */
    public static final String PROCESSOR_LAG_EVENTS = "users.processor.lag.events";
    /** How old the oldest event a processor has not applied yet is, 0 when it is current (tag {@code processor}). */
    public static final String PROCESSOR_LAG_SECONDS = "users.processor.lag.seconds";
    /** Users with events parked in the read models' dead-letter queue, and those events. */
    public static final String DEAD_LETTER_USERS = "users.dead.letters.users";
    public static final String DEAD_LETTER_EVENTS = "users.dead.letters.events";
    /**
     * Events stored but not yet acknowledged by Kafka, registered by the Kafka publisher ({@code app/kafka}) when it
     * runs; the dashboard's publisher panel charts it (empty while no publisher runs).
     */
    public static final String KAFKA_PUBLISHER_LAG = "users.kafka.publisher.lag";
    /** Event streams and long polls of the feed open on this node (each ended at once when the node stops). */
    public static final String FEED_WAITERS = "users.feed.waiters";

    private ServiceMetrics() {
    }
}
