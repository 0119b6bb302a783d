package dev.users.app.crash;

import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * SIGTERM in the middle of a write load, as a container runtime stops the service: requests in flight finish with
 * their acknowledgement (graceful shutdown), none is answered with a 5xx, later ones find the port closed; the
 * process ends by itself and stops its embedded PostgreSQL, and the next start has every acknowledged write.
 */
class GracefulStopIT {

    private static final String KEY = "usk_graceful_stop_key";
    private static final int CLIENTS = 6;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<ServiceProcess> launched = new ArrayList<>();

    @AfterEach
    void endEverything() throws InterruptedException {
        for (ServiceProcess service : launched) {
            service.close();
        }
        ServiceProcess.endServerLeftOn(work.resolve("data"));
    }

    @Test
    void aTerminatedServiceFinishesItsRequestsAnswersNo5xxAndKeepsEveryAcknowledgedWrite() throws Exception {
        Path dataDir = work.resolve("data");
        int httpPort = ServiceProcess.freePort();
        ServiceProcess first = launch(dataDir, httpPort, "first.log");
        first.awaitReady(Duration.ofSeconds(90));

        WriteLoad load = WriteLoad.start(first.http(KEY), CLIENTS, "term-");
        await().atMost(Duration.ofSeconds(60))
                .failFast("the write clients ended before the stop", load::ended)
                .until(() -> load.acknowledged() >= 150);
        // a stream and a long poll that no event of the load matches, both open when the stop comes
        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> stream = client.sendAsync(quiet(httpPort,
                "/api/v4/events/stream?type=dev.users.user_erased.v1"), HttpResponse.BodyHandlers.ofString());
        CompletableFuture<HttpResponse<String>> longPoll = client.sendAsync(quiet(httpPort,
                "/api/v4/events?type=dev.users.user_erased.v1&after=now&wait=30"), HttpResponse.BodyHandlers.ofString());
        await().atMost(Duration.ofSeconds(10)).until(() -> first.http(KEY).get("/actuator/prometheus").text()
                .lines().anyMatch(line -> line.startsWith("users_feed_waiters") && line.endsWith(" 2.0")));
        long stopAt = System.nanoTime();
        first.terminate();
        load.awaitEnd(Duration.ofSeconds(30));
        int exit = first.awaitExit(Duration.ofSeconds(30));
        long stoppedMillis = (System.nanoTime() - stopAt) / 1_000_000;

        // ended at once, not after the graceful shutdown's 30 s for requests in progress
        assertThat(stoppedMillis).as("ms from SIGTERM to exit, with a stream and a long poll open").isLessThan(15_000);
        assertThat(stream.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(longPoll.get(5, TimeUnit.SECONDS).statusCode()).isEqualTo(200);

        assertThat(load.unexpectedAnswers()).as("answers other than an acknowledgement (a 5xx among them)").isEmpty();
        assertThat(first.postmaster()).as("the embedded PostgreSQL after a clean stop").isEmpty();
        assertThat(first.output()).doesNotContain("Exception");

        ServiceProcess second = launch(dataDir, httpPort, "second.log");
        second.awaitReady(Duration.ofSeconds(60));
        RecoveryChecks.everyAcknowledgedWriteIsReadable(second.http(KEY), load.users());
        RecoveryChecks.nothingIsAppliedTwice(second, List.of(load));
        System.out.printf("[graceful-stop] SIGTERM after %d acknowledged writes: exit code %d after %d ms, "
                + "%d requests unanswered, no 5xx, every acknowledged write read back%n", load.acknowledged(), exit,
                stoppedMillis, load.unansweredCreates().size());
    }

    private static HttpRequest quiet(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + KEY).build();
    }

    private ServiceProcess launch(Path dataDir, int httpPort, String log) {
        ServiceProcess service = ServiceProcess.launch(dataDir, httpPort, ServiceProcess.freePort(), KEY,
                work.resolve(log));
        launched.add(service);
        return service;
    }
}
