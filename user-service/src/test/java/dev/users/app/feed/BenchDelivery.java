package dev.users.app.feed;

import dev.users.web.PrefixIds;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The delivery figure of {@code bench/run}: creates at a steady rate over HTTP, and for each acknowledged one the
 * time from its 2xx to its {@code UserCreated} event on the SSE stream and, given a broker, in Kafka. A consumer
 * that reads an event before the client has read the 2xx counts 0 ms. At most 64 requests are in flight (the
 * projection-lag load's connections). The stream starts at the head ({@code after=now}): from the beginning, it would
 * first send the bench's whole history, and the live events would wait behind it. Prints one {@code DELIVERY k=v ...}
 * line.
 * <p>
 * Arguments: base URL, API key, creates per second, seconds, and optionally the Kafka bootstrap servers and topic.
 */
public final class BenchDelivery {

    private static final String CREATED = "dev.users.user_created.v1";
    private static final Pattern SUBJECT = Pattern.compile("\"subject\":\"([0-9a-f-]{36})\"");
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    /** Requests in flight at most, as the projection-lag load's 64 connections: a send waits for one to end. */
    private static final int IN_FLIGHT = 64;

    private BenchDelivery() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        String bootstrap = args.length > 4 ? args[4] : null;
        String topic = args.length > 5 ? args[5] : "users.events";
        Map<UUID, Long> acked = new ConcurrentHashMap<>();
        Map<UUID, Long> inKafka = new ConcurrentHashMap<>();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        Semaphore inFlight = new Semaphore(IN_FLIGHT);
        KafkaWatch kafka = bootstrap == null ? null : new KafkaWatch(bootstrap, topic, inKafka);
        try (SseClient sse = new SseClient(client, base + "/api/v4/events/stream?after=now&type=" + CREATED, key, null)) {
            if (sse.status != 200) {
                throw new IllegalStateException("stream answered " + sse.status);
            }
            int total = (int) Math.round(rate * seconds);
            String tag = Long.toString(System.currentTimeMillis(), 36);
            List<CompletableFuture<?>> sent = new ArrayList<>(total);
            long start = System.nanoTime();
            for (int i = 0; i < total; i++) {
                long due = start + (long) (i * 1e9 / rate);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest create = HttpRequest.newBuilder(URI.create(base + "/api/v4/users"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Delivery " + tag + " " + i
                                + "\", \"email\": \"delivery-" + tag + "-" + i + "@bench.example\"}"))
                        .build();
                inFlight.acquire();
                sent.add(client.sendAsync(create, HttpResponse.BodyHandlers.ofString()).whenComplete((response, e) -> {
                    long at = System.nanoTime();
                    inFlight.release();
                    Matcher id = response == null ? null : ID.matcher(response.body());
                    if (id != null && response.statusCode() / 100 == 2 && id.find()) {
                        PrefixIds.parse(PrefixIds.USER, id.group(1)).ifPresent(user -> acked.put(user, at));
                    }
                }));
            }
            try {
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // the figures are of the writes that were acknowledged; how many were is in the line
            }
            Map<UUID, Long> onStream = new ConcurrentHashMap<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (System.nanoTime() < deadline && (onStream.size() < acked.size()
                    || kafka != null && !inKafka.keySet().containsAll(acked.keySet()))) {
                List<SseClient.Message> messages = List.copyOf(sse.messages);
                for (int i = 0; i < messages.size(); i++) {
                    Matcher subject = SUBJECT.matcher(messages.get(i).data());
                    if (subject.find()) {
                        onStream.putIfAbsent(UUID.fromString(subject.group(1)), sse.receivedNanos.get(i));
                    }
                }
                Thread.sleep(100); // a bench tool polling collections the readers fill, not a test's wait
            }
            StringBuilder line = new StringBuilder("DELIVERY writes=" + total + " acked=" + acked.size());
            line.append(figures("sse", acked, onStream));
            if (kafka != null) {
                line.append(figures("kafka", acked, inKafka));
            }
            System.out.println(line);
        } finally {
            if (kafka != null) {
                kafka.stop();
            }
        }
    }

    private static String figures(String name, Map<UUID, Long> acked, Map<UUID, Long> arrived) {
        List<Double> millis = new ArrayList<>();
        int early = 0;
        for (Map.Entry<UUID, Long> ack : acked.entrySet()) {
            Long at = arrived.get(ack.getKey());
            if (at != null) {
                long nanos = at - ack.getValue();
                early += nanos < 0 ? 1 : 0;
                millis.add(Math.max(0, nanos) / 1e6);
            }
        }
        Collections.sort(millis);
        return String.format(" %s_seen=%d %s_before_2xx=%d %s_p50_ms=%.1f %s_p99_ms=%.1f %s_max_ms=%.1f",
                name, millis.size(), name, early, name, percentile(millis, 50), name, percentile(millis, 99), name,
                millis.isEmpty() ? 0 : millis.get(millis.size() - 1));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /** Every partition of the topic from its end, read on a thread of its own: when each user's creation arrived. */
    private static final class KafkaWatch {
        private final Thread thread;
        private volatile boolean running = true;

        KafkaWatch(String bootstrap, String topic, Map<UUID, Long> arrived) {
            Properties config = new Properties();
            config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
            KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                    new ByteArrayDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // the end as of now, before the first write
            thread = new Thread(() -> {
                try (consumer) {
                    while (running) {
                        consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                            Header type = record.headers().lastHeader("ce_type");
                            if (type != null && CREATED.equals(new String(type.value(), StandardCharsets.UTF_8))) {
                                arrived.putIfAbsent(UUID.fromString(record.key()), System.nanoTime());
                            }
                        });
                    }
                }
            }, "bench-delivery-kafka");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }
}
