package dev.users.app.crash;

import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        long stopAt = System.nanoTime();
        first.terminate();
        load.awaitEnd(Duration.ofSeconds(30));
        int exit = first.awaitExit(Duration.ofSeconds(30));
        long stoppedMillis = (System.nanoTime() - stopAt) / 1_000_000;

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

    private ServiceProcess launch(Path dataDir, int httpPort, String log) {
        ServiceProcess service = ServiceProcess.launch(dataDir, httpPort, ServiceProcess.freePort(), KEY,
                work.resolve(log));
        launched.add(service);
        return service;
    }
}
