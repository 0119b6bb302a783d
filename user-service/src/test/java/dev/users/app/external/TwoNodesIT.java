package dev.users.app.external;

import dev.users.app.support.ReadModelInvariants;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.Http;
import dev.users.app.support.ServiceProcess;
import dev.users.query.directory.UserDirectoryProjection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scale-out shape: two service processes (both {@code users.role=all}) on one external PostgreSQL, taking writes
 * at once. The read models' processor runs on the node holding its segment's claim; each event reaches each read
 * model once; concurrent renames of one user through both nodes all land in its events (a lost append race is
 * retried, at worst a 409, never a 500). Killed with SIGKILL, the node holding the claim is replaced by the other
 * within Axon's claim timeout and one claim interval.
 */
class TwoNodesIT {

    private static final String KEY = "usk_two_nodes_key";
    private static final int CLIENTS_PER_NODE = 3;
    private static final int RACERS_PER_NODE = 2;
    private static final int RENAMES_PER_RACER = 40;
    /** users.event-store.claim-timeout (10 s) + Axon's token claim interval (5 s) + a busy machine's slack. */
    private static final Duration TAKEOVER_LIMIT = Duration.ofSeconds(30);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path work;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    @Test
    void twoNodesOnOneDatabaseApplyEachEventOnceLoseNoRaceAndTakeOverFromEachOther() throws Exception {
        ExternalPostgres postgres = ExternalPostgres.start(work.resolve("postgres"), ServiceProcess.freePort());
        opened.add(postgres);
        ServiceProcess a = launch(postgres, "a");
        a.awaitReady(Duration.ofSeconds(90));
        ServiceProcess b = launch(postgres, "b");
        b.awaitReady(Duration.ofSeconds(90));

        MixedLoad loadA = MixedLoad.start(new HeaderHttp(a.httpPort(), KEY), CLIENTS_PER_NODE, "a");
        MixedLoad loadB = MixedLoad.start(new HeaderHttp(b.httpPort(), KEY), CLIENTS_PER_NODE, "b");
        RaceOutcome race = raceOnOneUser(a, b);
        await().atMost(Duration.ofSeconds(60)).until(() -> loadA.acknowledged() >= 150 && loadB.acknowledged() >= 150);
        loadA.stop();
        loadB.stop();

        List<MixedLoad.User> users = new ArrayList<>(loadA.users());
        users.addAll(loadB.users());
        List<MixedLoad.Sample> samples = new ArrayList<>(loadA.samples());
        samples.addAll(loadB.samples());
        System.out.printf("[two-nodes] %d requests on two nodes, %d users; one user renamed %d times at once through "
                        + "both: %d acknowledged, %d answered 409%n", samples.size(), users.size(),
                race.sent(), race.acknowledged().size(), race.conflicts());
        assertThat(samples).as("answers other than 2xx").filteredOn(MixedLoad.Sample::unexpected).isEmpty();
        assertThat(race.unexpected()).as("race answers other than 200, 202 and 409").isEmpty();

        try (Connection db = postgres.connect()) {
            assertThat(ReadModelInvariants.rows(db.createStatement(), "SELECT count(DISTINCT owner) FROM tokenentry "
                    + "WHERE processorname = '" + UserDirectoryProjection.GROUP + "' AND owner IS NOT NULL"))
                    .as("nodes holding the read models' segment").containsExactly("1");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> ReadModelChecks.eachEventAppliedOnce(db, users));
            everyAcknowledgedRenameIsAnEvent(a.http(KEY), race);
        }

        ServiceProcess holder = holderOfTheClaim(postgres, a, b);
        ServiceProcess survivor = holder == a ? b : a;
        holder.killJvm();
        long killedAt = System.nanoTime();
        Http http = survivor.http(KEY);
        await().atMost(TAKEOVER_LIMIT).pollInterval(Duration.ofMillis(200)).until(() -> http.post("/api/v4/users",
                Map.of("name", "After Kill", "email", "after-kill-" + System.nanoTime() + "@example.com")).status() == 201);
        Duration takeover = Duration.ofNanos(System.nanoTime() - killedAt);
        System.out.printf("[two-nodes] the node holding the claim was killed; the other answered a create with its "
                + "read model again (201) after %d ms%n", takeover.toMillis());
        assertThat(holderOfTheClaim(postgres, survivor)).isSameAs(survivor);
    }

    private ServiceProcess launch(ExternalPostgres postgres, String name) {
        List<String> settings = new ArrayList<>(postgres.serviceSettings());
        settings.add("--users.role=all");
        ServiceProcess node = ServiceProcess.launch(work.resolve("node-" + name), ServiceProcess.freePort(),
                ServiceProcess.freePort(), KEY, work.resolve(name + ".log"), settings);
        opened.add(node);
        return node;
    }

    record RaceOutcome(String userId, int sent, List<String> acknowledged, int conflicts, List<String> unexpected) {
    }

    /** Renames of one user through both nodes at once, each with a name of its own. */
    private static RaceOutcome raceOnOneUser(ServiceProcess a, ServiceProcess b) throws Exception {
        Http.Response created = a.http(KEY).post("/api/v4/users", Map.of("name", "Raced", "email", "raced@example.com"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService racers = Executors.newFixedThreadPool(2 * RACERS_PER_NODE);
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int racer = 0; racer < 2 * RACERS_PER_NODE; racer++) {
            Http http = (racer % 2 == 0 ? a : b).http(KEY);
            String prefix = "Raced " + racer + " ";
            conflicts.add(racers.submit(() -> {
                int conflicted = 0;
                for (int i = 0; i < RENAMES_PER_RACER; i++) {
                    String name = prefix + i;
                    Http.Response answer = http.put("/api/v4/users/" + id, Map.of("name", name));
                    if (answer.status() == 200 || answer.status() == 202) {
                        acknowledged.add(name);
                    } else if (answer.status() == 409) {
                        conflicted++;
                    } else {
                        unexpected.add(name + ": " + answer);
                    }
                }
                return conflicted;
            }));
        }
        racers.shutdown();
        assertThat(racers.awaitTermination(120, TimeUnit.SECONDS)).as("the racers ended").isTrue();
        int conflicted = 0;
        for (Future<Integer> count : conflicts) {
            conflicted += count.get();
        }
        return new RaceOutcome(id, 2 * RACERS_PER_NODE * RENAMES_PER_RACER, List.copyOf(acknowledged), conflicted,
                List.copyOf(unexpected));
    }

    /**
     * Every acknowledged rename is one stored event of the user: none lost, none twice. Read through history, which
     * decrypts them: the stored names are encrypted under the user's key (erasure), so SQL cannot match them.
     */
    private static void everyAcknowledgedRenameIsAnEvent(Http http, RaceOutcome race) {
        Map<String, Integer> renames = new HashMap<>();
        for (int offset = 0; ; offset += 100) {
            Http.Response page = http.get("/api/v4/users/" + race.userId()
                    + "/history?type=dev.users.user_renamed.v1&limit=100&offset=" + offset);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("data").forEach(entry -> renames.merge(entry.path("data").path("name").asString(), 1,
                    Integer::sum));
            if (!page.json().path("has_more").asBoolean()) {
                break;
            }
        }
        for (String name : race.acknowledged()) {
            assertThat(renames.getOrDefault(name, 0)).as("events renaming to %s", name).isEqualTo(1);
        }
    }

    /** The node whose process id starts the read models' segment owner (NodeName: pid@host/random). */
    private static ServiceProcess holderOfTheClaim(ExternalPostgres postgres, ServiceProcess... nodes) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection db = postgres.connect(); Statement sql = db.createStatement()) {
                List<String> owners = ReadModelInvariants.rows(sql, "SELECT owner FROM tokenentry WHERE processorname = '"
                        + UserDirectoryProjection.GROUP + "' AND owner IS NOT NULL");
                for (ServiceProcess node : nodes) {
                    if (owners.stream().anyMatch(owner -> owner.startsWith(node.pid() + "@"))) {
                        return node;
                    }
                }
                return null;
            }
        }, node -> node != null);
    }
}
