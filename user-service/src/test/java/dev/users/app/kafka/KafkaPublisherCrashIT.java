package dev.users.app.kafka;

import dev.users.app.support.Http;
import dev.users.app.support.ServiceProcess;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static dev.users.app.kafka.TopicReader.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built service, publishing a backlog to a real broker, killed with SIGKILL while it publishes, and started again
 * on the same data directory: every stored event is in the topic, each user's in order, and every copy sent twice
 * (what Kafka took of the batch whose token the dead process never committed) carries the same id and data.
 */
class KafkaPublisherCrashIT {

    private static final String KEY = "usk_kafka_crash_key";
    private static final String TOPIC = "users.events";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<ServiceProcess> launched = new ArrayList<>();
    private KraftBroker broker;

    @AfterEach
    void endEverything() throws InterruptedException {
        for (ServiceProcess service : launched) {
            service.close();
        }
        ServiceProcess.endServerLeftOn(work.resolve("data"));
        if (broker != null) {
            broker.destroy();
        }
    }

    @Test
    void aCrashedPublisherResumesFromItsTokenAndWhatItSendsAgainHasTheSameIds() throws Exception {
        broker = new KraftBroker();
        broker.afterPropertiesSet();
        Path dataDir = work.resolve("data");
        int httpPort = ServiceProcess.freePort();
        // a backlog written with Kafka off, then published one event per batch (each a send, its acknowledgement and a
        // commit of the token): a kill in the middle most likely falls between an acknowledgement and its commit
        ServiceProcess writer = launch(dataDir, httpPort, ServiceProcess.freePort(), "writes.log", List.of());
        writer.awaitReady(Duration.ofSeconds(90));
        write(writer.http(KEY), 4, 60);
        writer.close();

        try (TopicReader topic = new TopicReader(broker.getBrokersAsString(), TOPIC)) {
            ServiceProcess first = launch(dataDir, httpPort, ServiceProcess.freePort(), "first.log", kafka("1"));
            await().atMost(Duration.ofSeconds(90)).until(() -> topic.poll().size() >= 60);
            first.killJvm();

            ServiceProcess second = launch(dataDir, httpPort, ServiceProcess.freePort(), "second.log", kafka("50"));
            second.awaitReady(Duration.ofSeconds(60));
            write(second.http(KEY), 1, 5);
            Map<String, StoredEvent> stored = stored(second);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                topic.poll();
                return topic.deduped().keySet().containsAll(stored.keySet());
            });

            Map<String, List<ConsumerRecord<String, byte[]>>> copies = topic.poll().stream()
                    .collect(Collectors.groupingBy(record -> header(record, "ce_id")));
            assertThat(copies.keySet()).isEqualTo(stored.keySet());
            long twice = copies.values().stream().filter(same -> same.size() > 1).count();
            copies.forEach((id, same) -> {
                StoredEvent event = stored.get(id);
                assertThat(same).allSatisfy(record -> {
                    assertThat(record.key()).isEqualTo(event.userId());
                    assertThat(header(record, "ce_sequence")).isEqualTo(Long.toString(event.sequence()));
                    assertThat(header(record, "ce_position")).isEqualTo(Long.toString(event.position()));
                    assertThat(record.value()).isEqualTo(same.get(0).value());
                });
            });
            Map<String, List<Long>> sequences = new HashMap<>();
            topic.deduped().values().forEach(record -> sequences.computeIfAbsent(record.key(), k -> new ArrayList<>())
                    .add(Long.parseLong(header(record, "ce_sequence"))));
            sequences.forEach((user, seen) -> assertThat(seen).as(user).isSorted().doesNotHaveDuplicates());
            System.out.printf("[kafka-crash] %d events stored, %d records in the topic, %d events sent twice%n",
                    stored.size(), topic.poll().size(), twice);
        }
    }

    /** {@code clients} clients at once, each creating {@code users} users; every answer a 201. */
    private static void write(Http http, int clients, int users) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<List<Integer>>> statuses = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                statuses.add(pool.submit(() -> {
                    List<Integer> answers = new ArrayList<>();
                    for (int u = 0; u < users; u++) {
                        answers.add(http.post("/api/v4/users", Map.of("name", "Crash " + u,
                                "email", "crash-" + UUID.randomUUID() + "@example.com")).status());
                    }
                    return answers;
                }));
            }
            for (Future<List<Integer>> client : statuses) {
                assertThat(client.get()).containsOnly(201);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private record StoredEvent(String userId, long sequence, long position) {
    }

    private static Map<String, StoredEvent> stored(ServiceProcess service) throws Exception {
        Map<String, StoredEvent> events = new HashMap<>();
        try (Connection db = DriverManager.getConnection(service.jdbcUrl(), "postgres", "");
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT eventidentifier, aggregateidentifier, sequencenumber,"
                     + " globalindex FROM domainevententry")) {
            while (rows.next()) {
                events.put(rows.getString(1), new StoredEvent(rows.getString(2), rows.getLong(3), rows.getLong(4)));
            }
        }
        return events;
    }

    private List<String> kafka(String batchSize) {
        return List.of("--users.kafka.bootstrap-servers=" + broker.getBrokersAsString(), "--users.kafka.partitions=3",
                "--users.kafka.batch-size=" + batchSize);
    }

    private ServiceProcess launch(Path dataDir, int httpPort, int postgresPort, String log, List<String> settings) {
        ServiceProcess service = ServiceProcess.launch(dataDir, httpPort, postgresPort, KEY, work.resolve(log),
                settings);
        launched.add(service);
        return service;
    }
}
