package dev.users.app.feed;

import dev.users.app.support.Http;
import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.users.app.feed.FeedTestSupport.createUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 200 event streams open at once on the service as the README runs it (-Xmx192m, SerialGC, a child process): every
 * stream gets a new event, and the service's threads and memory stay bounded (printed for the record).
 */
class ConcurrentStreamsIT {

    private static final String KEY = "usk_streams_it_key";
    private static final int STREAMS = 200;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private ServiceProcess service;

    @AfterEach
    void end() throws InterruptedException {
        if (service != null) {
            service.close();
        }
        ServiceProcess.endServerLeftOn(work.resolve("data"));
    }

    @Test
    void twoHundredStreamsEachGetEveryEvent() throws Exception {
        int httpPort = ServiceProcess.freePort();
        service = ServiceProcess.launch(work.resolve("data"), httpPort, ServiceProcess.freePort(), KEY,
                work.resolve("service.log"));
        service.awaitReady(Duration.ofSeconds(90));
        Http http = service.http(KEY);
        createUser(http, "Warm Up");
        long[] idle = usage(service.pid());

        HttpClient client = HttpClient.newHttpClient();
        List<SseClient> streams = new ArrayList<>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                streams.add(new SseClient(client, "http://localhost:" + httpPort + "/api/v4/events/stream", KEY, null));
            }
            assertThat(streams).allSatisfy(stream -> assertThat(stream.status).isEqualTo(200));
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.stream().allMatch(s -> !s.messages.isEmpty()));

            long written = System.nanoTime();
            UUID user = createUser(http, "Seen By All");
            await().atMost(Duration.ofSeconds(30)).until(() -> streams.stream().allMatch(stream ->
                    stream.messages.stream().anyMatch(message -> message.data().contains(user.toString()))));
            long fanOutMillis = Duration.ofNanos(System.nanoTime() - written).toMillis();
            long[] open = usage(service.pid());
            System.out.printf("[streams] %d SSE streams on -Xmx192m -XX:+UseSerialGC: threads %d idle -> %d open,"
                            + " RSS %d MiB -> %d MiB; a create's 201 to its event on all %d streams: %d ms%n",
                    STREAMS, idle[0], open[0], idle[1] / 1024, open[1] / 1024, STREAMS, fanOutMillis);
            assertThat(open[0] - idle[0]).as("threads added by %d streams", STREAMS).isLessThan(50);
            assertThat(service.isAlive()).isTrue();
            assertThat(service.output()).doesNotContain("OutOfMemoryError");
        } finally {
            for (SseClient stream : streams) {
                stream.close();
            }
        }
    }

    /** The process's thread count and resident memory (KiB), from /proc. */
    private static long[] usage(long pid) throws Exception {
        long threads = 0;
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.substring(8).strip());
            } else if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.substring(6).replace("kB", "").strip());
            }
        }
        return new long[] {threads, rss};
    }
}
