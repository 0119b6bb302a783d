package dev.users.app.crash;

import dev.users.app.support.Http;
import dev.users.app.support.ServiceProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The built service, killed with SIGKILL in the middle of a write load and started again on the same data
 * directory: it is ready by itself (within 45 s), every acknowledged write is there, and nothing was applied twice.
 * Once with its embedded PostgreSQL left running as an orphan (the JVM alone killed, as by the out-of-memory killer),
 * once with PostgreSQL killed too (a power loss: its crash recovery runs at the next start).
 */
class CrashRecoveryIT {

    private static final String KEY = "usk_crash_recovery_key";
    // far below the 60 s a stuck start would take, far above the 4-14 s a start takes on a busy 2-core machine: the test
    // proves the service comes up by itself; how fast is a figure it prints (and bench/run measures start-up)
    private static final Duration READY_AFTER_CRASH = Duration.ofSeconds(45);
    private static final int CLIENTS = 6;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

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
    void aServiceKilledAloneComesBackWithEveryAcknowledgedWrite() throws Exception {
        crashAndRecover("JVM killed, PostgreSQL left running", false);
    }

    @Test
    void aServiceKilledWithItsDatabaseComesBackWithEveryAcknowledgedWrite() throws Exception {
        crashAndRecover("JVM and PostgreSQL killed (power loss)", true);
    }

    private void crashAndRecover(String crash, boolean withDatabase) throws Exception {
        Path dataDir = work.resolve("data");
        int httpPort = ServiceProcess.freePort();
        int postgresPort = ServiceProcess.freePort();
        ServiceProcess first = launch(dataDir, httpPort, postgresPort, "first.log");
        first.awaitReady(Duration.ofSeconds(90));

        WriteLoad load = WriteLoad.start(first.http(KEY), CLIENTS);
        await().atMost(Duration.ofSeconds(60))
                .failFast("the write clients ended before the kill", load::ended)
                .failFast("a write was not acknowledged",
                        () -> assertThat(load.unexpectedAnswers()).as("answers other than an acknowledgement").isEmpty())
                .until(() -> load.acknowledged() >= ACKNOWLEDGED_BEFORE_KILL && load.updates() > 0
                        && load.signIns() > 0);
        Optional<ProcessHandle> orphan = Optional.empty();
        if (withDatabase) {
            first.killJvmAndDatabase();
        } else {
            first.killJvm();
            orphan = first.postmaster();
            assertThat(orphan).as("the embedded PostgreSQL outlives its JVM").isPresent();
        }
        load.awaitEnd(Duration.ofSeconds(30));
        assertThat(load.unexpectedAnswers()).as("answers other than an acknowledgement").isEmpty();

        // on another PostgreSQL port, as a start without users.embedded.port picks one: on the same port, a start
        // that failed to start its own server could be served by the orphan instead
        ServiceProcess second = launch(dataDir, httpPort, ServiceProcess.freePort(), "second.log");
        Duration ready = second.awaitReady(Duration.ofSeconds(60));
        System.out.printf("[crash-recovery] %s: ready %d ms after the restart; %d acknowledged writes "
                        + "(%d creates, %d renames, %d sign-ins; %d of them 202), checked after the restart%n",
                crash, ready.toMillis(), load.acknowledged(), load.creates(), load.updates(), load.signIns(),
                load.accepted());
        assertThat(ready).as("time to ready after the crash").isLessThanOrEqualTo(READY_AFTER_CRASH);

        assertThat(orphan.filter(ProcessHandle::isAlive)).as("the PostgreSQL server left running").isEmpty();

        Http http = second.http(KEY);
        // at once read-your-writes again: the dead service's token claim does not hold the projection back. The
        // projection applies events in store order, so once this is visible all events before it are too.
        var fresh = http.post("/api/v4/users", Map.of("name", "After The Crash", "email", "after-crash@example.com"));
        assertThat(fresh.status()).as(fresh.toString()).isEqualTo(201);

        RecoveryChecks.everyAcknowledgedWriteIsReadable(http, load.users());
        RecoveryChecks.nothingIsAppliedTwice(second, List.of(load));
        if (!withDatabase) {
            aSecondServiceOnTheDirectoryIsRefused(dataDir, second);
        }
    }

    private ServiceProcess launch(Path dataDir, int httpPort, int postgresPort, String log) {
        ServiceProcess service = ServiceProcess.launch(dataDir, httpPort, postgresPort, KEY, work.resolve(log));
        launched.add(service);
        return service;
    }

    private void aSecondServiceOnTheDirectoryIsRefused(Path dataDir, ServiceProcess running) throws Exception {
        ServiceProcess sibling = launch(dataDir, ServiceProcess.freePort(), ServiceProcess.freePort(), "sibling.log");
        assertThat(sibling.awaitExit(Duration.ofSeconds(60))).as("exit code of the refused start").isNotZero();
        assertThat(sibling.output()).contains("is in use by users service, pid");
        assertThat(running.isAlive()).isTrue();
        assertThat(running.http(KEY).get("/api/v4/users?limit=1").status()).isEqualTo(200);
        assertThat(running.postmaster()).as("the running service's PostgreSQL").isPresent();
    }

}
