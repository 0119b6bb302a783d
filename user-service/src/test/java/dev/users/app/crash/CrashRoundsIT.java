package dev.users.app.crash;

import dev.users.app.crash.WriteLoad.WrittenUser;
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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ten SIGKILLs at random moments of a mixed write load (creates, renames, sign-ins) on one data directory, each
 * followed by a restart: after every restart each write acknowledged in any round so far is readable, and at the end
 * nothing was applied twice. A round kills the JVM alone or the JVM with its PostgreSQL (a power loss), at random;
 * the moment is a random count of acknowledged writes. The seed is printed; {@code -Dcrash.seed=} repeats a run.
 */
class CrashRoundsIT {

    private static final String KEY = "usk_crash_rounds_key";
    private static final int ROUNDS = 10;
    private static final int CLIENTS = 4;
    private static final Duration READY_AFTER_CRASH = Duration.ofSeconds(45);

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
    void tenKillsAtRandomMomentsLoseNoAcknowledgedWriteAndApplyNothingTwice() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path dataDir = work.resolve("data");
        int httpPort = ServiceProcess.freePort();
        ServiceProcess service = launch(dataDir, httpPort, "round-0.log");
        service.awaitReady(Duration.ofSeconds(90));

        List<WriteLoad> loads = new ArrayList<>();
        List<String> rounds = new ArrayList<>();
        for (int round = 1; round <= ROUNDS; round++) {
            WriteLoad load = WriteLoad.start(service.http(KEY), CLIENTS, "r" + round + "-");
            loads.add(load);
            int killAfter = 10 + random.nextInt(150);
            boolean withDatabase = random.nextBoolean();
            await().atMost(Duration.ofSeconds(60))
                    .failFast("the write clients ended before the kill", load::ended)
                    .until(() -> load.acknowledged() >= killAfter);
            if (withDatabase) {
                service.killJvmAndDatabase();
            } else {
                service.killJvm();
            }
            load.awaitEnd(Duration.ofSeconds(30));
            assertThat(load.unexpectedAnswers()).as("round %d: answers other than an acknowledgement", round)
                    .isEmpty();

            service = launch(dataDir, httpPort, "round-" + round + ".log");
            Duration ready = service.awaitReady(Duration.ofSeconds(60));
            assertThat(ready).as("round %d: time to ready after the kill", round).isLessThanOrEqualTo(READY_AFTER_CRASH);
            Http http = service.http(KEY);
            RecoveryChecks.everyAcknowledgedWriteIsReadable(http, everyUser(loads));
            rounds.add("%d: %s after %d acknowledged (%d creates, %d renames, %d sign-ins), ready in %d ms".formatted(
                    round, withDatabase ? "JVM+PostgreSQL" : "JVM", load.acknowledged(), load.creates(),
                    load.updates(), load.signIns(), ready.toMillis()));
        }
        RecoveryChecks.nothingIsAppliedTwice(service, loads);
        int acknowledged = loads.stream().mapToInt(WriteLoad::acknowledged).sum();
        System.out.printf("[crash-rounds] seed %d: %d kills, %d acknowledged writes, all read back, none applied "
                + "twice%n  %s%n", seed, ROUNDS, acknowledged, String.join("\n  ", rounds));
    }

    private static List<WrittenUser> everyUser(List<WriteLoad> loads) {
        return loads.stream().flatMap(load -> load.users().stream()).toList();
    }

    /** Each start on a new PostgreSQL port, as a start without users.embedded.port picks one (see CrashRecoveryIT). */
    private ServiceProcess launch(Path dataDir, int httpPort, String log) {
        ServiceProcess service = ServiceProcess.launch(dataDir, httpPort, ServiceProcess.freePort(), KEY,
                work.resolve(log));
        launched.add(service);
        return service;
    }
}
