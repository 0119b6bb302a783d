package dev.users.app.kafka;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static dev.users.app.kafka.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Kafka publisher against a real broker (spring-kafka-test's embedded KRaft broker) and the whole service over
 * HTTP: every stored event arrives, in each user's order, as a binary-mode CloudEvent equal to the feed's; a stopped
 * and restarted publisher, a replay and a broker that goes away and comes back lose nothing, and what is sent twice
 * carries the same id.
 */
@TestPropertySource(properties = {"users.kafka.partitions=3", "users.kafka.send-timeout=3s",
        "users.kafka.lag-log-interval=500ms", "users.kafka.batch-size=50"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class KafkaPublisherTest extends ApiTest {

    private static final String TOPIC = "users.events";
    private static final TcpProxy PROXY = new TcpProxy();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KraftBroker broker = startBroker();
    private static TrackingEventProcessor publisher;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventProcessingConfiguration processing;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("users.kafka.bootstrap-servers", () -> "localhost:" + PROXY.port());
    }

    @BeforeEach
    void findPublisher() {
        publisher = processing.eventProcessor(KafkaPublisherConfiguration.GROUP, TrackingEventProcessor.class)
                .orElseThrow();
    }

    /** The publisher first, so that the context closes without waiting on a broker that is gone. */
    @AfterAll
    static void stopBroker() {
        if (publisher != null) {
            publisher.shutDown();
        }
        broker.destroy();
        PROXY.close();
    }

    @Test
    void everyEventOfConcurrentWritesArrivesOnceInEachUsersOrderAsTheFeedShowsIt() throws Exception {
        long before = head();
        writeConcurrently(4, 5, 3);
        List<StoredEvent> expected = storedAfter(before);
        assertThat(expected).hasSizeGreaterThanOrEqualTo(4 * 5 * 4);

        try (TopicReader topic = new TopicReader(bootstrap(), TOPIC)) {
            awaitDelivered(topic, expected);
            assertThat(topic.partitions()).isEqualTo(3);
            assertInEachUsersOrder(topic);

            ConsumerRecord<String, byte[]> record = topic.deduped().get(expected.get(expected.size() - 1).id());
            assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
            assertThat(header(record, "content-type")).isEqualTo("application/json");
            assertThat(header(record, "ce_accountid")).isEqualTo(accounts.first().orElseThrow().toString());
            assertThat(header(record, "ce_source")).isEqualTo("/api/v4/accounts/" + header(record, "ce_accountid"));
            assertThat(header(record, "ce_subject")).isEqualTo(record.key());
            assertThat(header(record, "ce_type")).matches("dev\\.users\\.[a-z_]+\\.v[0-9]+");

            JsonNode feed = api().get("/api/v4/events?limit=1&after=" + (Long.parseLong(header(record, "ce_position")) - 1))
                    .json().get(0);
            CloudEvent decoded = new CloudEventDeserializer().deserialize(TOPIC, record.headers(), record.value());
            assertThat(decoded.getId()).isEqualTo(feed.path("id").asString());
            assertThat(decoded.getType()).isEqualTo(feed.path("type").asString());
            assertThat(decoded.getSource().toString()).isEqualTo(feed.path("source").asString());
            assertThat(decoded.getSubject()).isEqualTo(feed.path("subject").asString());
            assertThat(decoded.getTime().toInstant()).isEqualTo(Instant.parse(feed.path("time").asString()));
            assertThat(decoded.getExtension("position")).isEqualTo(feed.path("position").asString());
            assertThat(decoded.getExtension("sequence")).isEqualTo(feed.path("sequence").asString());
            assertThat(JSON.readTree(decoded.getData().toBytes())).isEqualTo(feed.path("data"));
        }
    }

    @Test
    void aPublisherStoppedAndStartedMidStreamLosesNothing() throws Exception {
        long before = head();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> written = writer.submit(() -> {
            int users = 0;
            while (writing.get() || users < 10) {
                createAndRename(api(), "Midstream " + users++, 1);
            }
            return users;
        });
        try (TopicReader topic = new TopicReader(bootstrap(), TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> published(topic, before) >= 6);
            publisher.shutDown();
            long stoppedAt = head();
            await().atMost(Duration.ofSeconds(30)).until(() -> head() >= stoppedAt + 6);
            assertThat(publisher.isRunning()).isFalse();
            publisher.start();
            writing.set(false);
            assertThat(written.get()).isGreaterThanOrEqualTo(10);
            List<StoredEvent> expected = storedAfter(before);
            awaitDelivered(topic, expected);
            assertInEachUsersOrder(topic);
        } finally {
            writing.set(false);
            writer.shutdownNow();
        }
    }

    /**
     * A crash between Kafka's acknowledgement and the token's commit sends the batch again: the same as a replay from
     * an older token, which this forces. Every duplicate carries the same id and attributes as the first copy.
     */
    @Test
    void whatIsSentAgainCarriesTheSameIdAndADedupingConsumerSeesEachEventOnce() throws Exception {
        long before = head();
        writeConcurrently(2, 3, 1);
        List<StoredEvent> expected = storedAfter(before);
        try (TopicReader topic = new TopicReader(bootstrap(), TOPIC)) {
            awaitDelivered(topic, expected);
            publisher.shutDown();
            publisher.resetTokens();
            publisher.start();
            Set<String> ids = expected.stream().map(StoredEvent::id).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream()
                    .filter(record -> ids.contains(header(record, "ce_id"))).count() >= 2L * ids.size());

            Map<String, List<ConsumerRecord<String, byte[]>>> copies = topic.poll().stream()
                    .filter(record -> ids.contains(header(record, "ce_id")))
                    .collect(Collectors.groupingBy(record -> header(record, "ce_id")));
            assertThat(copies.keySet()).isEqualTo(ids);
            copies.values().forEach(same -> {
                assertThat(same).hasSizeGreaterThanOrEqualTo(2);
                for (String name : List.of("ce_type", "ce_source", "ce_subject", "ce_time", "ce_position",
                        "ce_sequence", "ce_accountid")) {
                    assertThat(same).extracting(record -> header(record, name)).as(name).containsOnly(
                            header(same.get(0), name));
                }
                assertThat(same).extracting(ConsumerRecord::value).allSatisfy(value ->
                        assertThat(value).isEqualTo(same.get(0).value()));
            });
            assertInEachUsersOrder(topic);
            assertThat(topic.deduped().keySet()).containsAll(ids);
        }
    }

    @Test
    void whileTheBrokerIsDownWritesSucceedTheLagShowsAndThePublisherCatchesUpAfter(CapturedOutput output)
            throws Exception {
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0.0);
        long before = head();
        broker.destroy();
        PROXY.forwardTo(0);
        List<Integer> statuses = new ArrayList<>();
        Duration slowest = Duration.ZERO;
        for (int i = 0; i < 8; i++) {
            Instant start = Instant.now();
            statuses.addAll(createAndRename(api(), "Broker Down " + i, 1));
            Duration took = Duration.between(start, Instant.now());
            slowest = took.compareTo(slowest) > 0 ? took : slowest;
        }
        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        // the writes never wait for Kafka: each is far below the publisher's send timeout (3 s)
        assertThat(slowest).isLessThan(Duration.ofSeconds(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() >= 16);
        await().atMost(Duration.ofSeconds(30)).until(() -> output.getOut().contains("Kafka publisher is"));

        broker = startBroker();
        statuses.clear();
        for (int i = 0; i < 4; i++) {
            statuses.addAll(createAndRename(api(), "Broker Back " + i, 1));
        }
        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(200, 299));
        List<StoredEvent> expected = storedAfter(before);
        try (TopicReader topic = new TopicReader(bootstrap(), TOPIC)) {
            awaitDelivered(topic, expected);
            assertInEachUsersOrder(topic);
            assertThat(topic.partitions()).as("made again by the publisher, not by the broker's defaults")
                    .isEqualTo(3);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> lag() == 0.0);
    }

    /**
     * Kafka gets the person's events decrypted (never the stored ciphertext), then their UserErased; a replay (a
     * lost token, a new topic) sends the earlier events again with every personal field "[erased]".
     */
    @Test
    void anErasureReachesKafkaAndAReplaySendsThePersonsEarlierEventsErased() throws Exception {
        long before = head();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<String> personal = List.of("Kafka Erasable " + tag, "kafka-erasable-" + tag + "@erasure.example",
                "kafka-meta-" + tag);
        Http.Response created = api().post("/api/v4/users", Map.of("name", personal.get(0), "email", personal.get(1),
                "meta", Map.of("note", personal.get(2))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String userId = created.json().path("id").asString();
        try (TopicReader topic = new TopicReader(bootstrap(), TOPIC)) {
            List<StoredEvent> earlier = storedAfter(before).stream().filter(e -> e.userId().equals(userId)).toList();
            awaitDelivered(topic, earlier);
            String sent = valuesOf(topic.deduped(), earlier);
            assertThat(sent).contains(personal).doesNotContain("\\u0001", "[erased]");

            Http.Response erased = api().post("/api/v4/users/" + userId + "/erasure", "");
            assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
            List<StoredEvent> all = storedAfter(before).stream().filter(e -> e.userId().equals(userId)).toList();
            awaitDelivered(topic, all);
            ConsumerRecord<String, byte[]> last = topic.deduped().get(all.get(all.size() - 1).id());
            assertThat(header(last, "ce_type")).isEqualTo("dev.users.user_erased.v1");
            assertThat(JSON.readTree(last.value()).path("userId").asString()).isEqualTo(userId);

            publisher.shutDown();
            publisher.resetTokens();
            publisher.start();
            Set<String> ids = earlier.stream().map(StoredEvent::id).collect(Collectors.toSet());
            await().atMost(Duration.ofSeconds(60)).until(() -> topic.poll().stream()
                    .filter(record -> ids.contains(header(record, "ce_id"))).count() >= 2L * ids.size());
            Map<String, ConsumerRecord<String, byte[]>> latest = new HashMap<>();
            topic.poll().forEach(record -> latest.put(header(record, "ce_id"), record));
            String replayed = valuesOf(latest, earlier);
            assertThat(replayed).contains("[erased]");
            for (String value : personal) {
                assertThat(replayed).doesNotContain(value);
            }
        }
    }

    private static String valuesOf(Map<String, ConsumerRecord<String, byte[]>> records, List<StoredEvent> events) {
        StringBuilder values = new StringBuilder();
        for (StoredEvent event : events) {
            values.append(new String(records.get(event.id()).value(), java.nio.charset.StandardCharsets.UTF_8))
                    .append('\n');
        }
        return values.toString();
    }

    // --- helpers

    private record StoredEvent(String id, String userId, long sequence, long position) {
    }

    /** A broker of its own (an empty cluster) behind the proxy's address. */
    private static KraftBroker startBroker() {
        KraftBroker started = new KraftBroker(PROXY.port());
        started.afterPropertiesSet();
        PROXY.forwardTo(started.listeningPort());
        return started;
    }

    private static String bootstrap() {
        return "localhost:" + PROXY.port();
    }

    private long head() {
        return jdbc.sql("select coalesce(max(globalindex), 0) from domainevententry").query(Long.class).single();
    }

    private List<StoredEvent> storedAfter(long position) {
        return jdbc.sql("select eventidentifier, aggregateidentifier, sequencenumber, globalindex"
                        + " from domainevententry where globalindex > ? order by globalindex")
                .param(position)
                .query((rs, n) -> new StoredEvent(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** The gauge as Prometheus reads it. */
    private double lag() {
        String metric = "users_kafka_publisher_lag";
        return new Http(port, null).get("/actuator/prometheus").text().lines()
                .filter(line -> line.startsWith(metric + " ") || line.startsWith(metric + "{"))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError(metric + " is not exported"));
    }

    /** Events of this test (after {@code before}) seen in the topic, duplicates not counted. */
    private static long published(TopicReader topic, long before) {
        topic.poll();
        return topic.deduped().values().stream()
                .filter(record -> Long.parseLong(header(record, "ce_position")) > before).count();
    }

    /** {@code threads} clients at once, each making {@code users} users and renaming each {@code renames} times. */
    private void writeConcurrently(int threads, int users, int renames) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        try {
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int client = t;
                clients.add(pool.submit(() -> {
                    for (int u = 0; u < users; u++) {
                        statuses.addAll(createAndRename(api(), "Writer " + client + " " + u, renames));
                    }
                }));
            }
            for (Future<?> client : clients) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).allSatisfy(status -> assertThat(status).isBetween(200, 299));
    }

    private static List<Integer> createAndRename(Http http, String name, int renames) {
        List<Integer> statuses = new ArrayList<>();
        Http.Response created = http.post("/api/v4/users", Map.of("name", name, "email", uniqueEmail("kafka")));
        statuses.add(created.status());
        if (created.status() != 201) {
            return statuses;
        }
        String id = created.json().path("id").asString();
        for (int r = 0; r < renames; r++) {
            statuses.add(http.put("/api/v4/users/" + id, Map.of("name", name + " v" + r)).status());
        }
        return statuses;
    }

    /** Every expected event arrives, under its user's key, with its position and sequence. */
    private static void awaitDelivered(TopicReader topic, List<StoredEvent> expected) {
        await().atMost(Duration.ofSeconds(90)).until(() -> {
            topic.poll();
            return topic.deduped().keySet().containsAll(expected.stream().map(StoredEvent::id).toList());
        });
        Map<String, ConsumerRecord<String, byte[]>> byId = topic.deduped();
        for (StoredEvent event : expected) {
            ConsumerRecord<String, byte[]> record = byId.get(event.id());
            assertThat(record.key()).isEqualTo(event.userId());
            assertThat(header(record, "ce_position")).isEqualTo(Long.toString(event.position()));
            assertThat(header(record, "ce_sequence")).isEqualTo(Long.toString(event.sequence()));
            assertThat(JSON.readTree(record.value()).isObject()).isTrue();
        }
    }

    /** After deduping by id, each user's events come in the order of their sequence, without a hole. */
    private static void assertInEachUsersOrder(TopicReader topic) {
        Map<String, List<Long>> sequences = new HashMap<>();
        topic.deduped().values().forEach(record -> sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                .add(Long.parseLong(header(record, "ce_sequence"))));
        assertThat(sequences).isNotEmpty();
        sequences.forEach((user, seen) -> {
            assertThat(seen).as("user %s", user).isSorted().doesNotHaveDuplicates();
            assertThat(seen.get(seen.size() - 1) - seen.get(0) + 1).as("user %s", user).isEqualTo(seen.size());
        });
    }
}
