package dev.users.app.query;

import dev.users.events.EmailAdded;
import dev.users.events.PhoneAdded;
import dev.users.events.PrimaryEmailChanged;
import dev.users.events.RolesAssigned;
import dev.users.events.UserEvent;
import dev.users.events.UserRemoved;
import dev.users.events.UserRenamed;
import dev.users.events.UserSignedIn;
import dev.users.query.directory.UserDirectoryProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (a test asserting a time would be flaky): measures how fast the user-directory
 * processing group replays. Run with
 * {@code ./mvnw -B -o verify -pl user-service -am -Dtest=DirectoryReplayBench -Dsurefire.failIfNoSpecifiedTests=false -Dbench=true}
 * ({@code -Dbench.users=N}, default 20,000 users of 10 events each; {@code -Dbench.drop-indexes=REGEX} drops the
 * directory's non-unique indexes whose names match first, to see what their upkeep costs). Events are appended user-interleaved (all
 * creations, then all first emails, …), as the lead's benchmark seeds them: every batch touches as many users as it
 * has events, the worst case for a per-batch working set.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DirectoryReplayBench extends QueryTest {

    private static final int ACCOUNTS = 20;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void replay() throws Exception {
        int users = Integer.getInteger("bench.users", 20_000);
        StreamingEventProcessor processor = processing
                .eventProcessor(UserDirectoryProjection.GROUP, StreamingEventProcessor.class).orElseThrow();
        processor.shutdownAsync().get();
        List<UUID> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(newAccount().id());
        }
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(UUID.randomUUID());
        }
        long appendStart = System.nanoTime();
        List<BiFunction<Integer, UUID, UserEvent>> stream = history(accounts);
        List<EventMessage<?>> chunk = new ArrayList<>();
        for (int seq = 0; seq < stream.size(); seq++) {
            for (int u = 0; u < users; u++) {
                UUID id = ids.get(u);
                chunk.add(new GenericDomainEventMessage<>("User", id.toString(), seq, stream.get(seq).apply(u, id),
                        Map.of("apiKeyId", UserHistory.API_KEY), UUID.randomUUID().toString(),
                        BASE.plusSeconds(seq * 60L + u)));
                if (chunk.size() == 2_000) {
                    eventStore.publish(chunk);
                    chunk = new ArrayList<>();
                }
            }
        }
        eventStore.publish(chunk);
        long head = jdbc.sql("select max(globalindex) from domainevententry").query(Long.class).single();
        System.out.printf("BENCH appended %d events for %d users in %.1f s%n", (long) users * stream.size(), users,
                (System.nanoTime() - appendStart) / 1e9);

        String drop = System.getProperty("bench.drop-indexes");
        if (drop != null) {
            for (String index : jdbc.sql("select indexrelid::regclass::text from pg_index where indrelid ="
                    + " 'user_directory'::regclass and not indisunique").query(String.class).list()) {
                if (index.matches(drop)) {
                    jdbc.sql("drop index " + index).update();
                }
            }
        }
        processor.resetTokens();
        Map<String, Long> threadsBefore = jvmThreadTicks();
        long jvmCpu = jvmCpuNanos();
        long pgCpu = postgresCpuNanos();
        long start = System.nanoTime();
        processor.start();
        long firstProgress = 0;
        long lastPrint = start;
        long position = -1;
        while (position < head) {
            Thread.sleep(20);
            position = processor.processingStatus().values().stream().map(EventTrackerStatus::getCurrentPosition)
                    .mapToLong(p -> p.orElse(-1)).max().orElse(-1);
            long now = System.nanoTime();
            if (firstProgress == 0 && position > 0) {
                firstProgress = now;
            }
            if (now - lastPrint > 2_000_000_000L) {
                System.out.printf("BENCH position %d of %d after %.1f s%n", position, head, (now - start) / 1e9);
                lastPrint = now;
            }
            assertThat(now - start).as("replay still running").isLessThan(600_000_000_000L);
        }
        long end = System.nanoTime();
        Map<String, Long> threadsAfter = jvmThreadTicks();
        threadsAfter.forEach((name, ticks) -> {
            long used = ticks - threadsBefore.getOrDefault(name, 0L);
            if (used > 20) {
                System.out.printf("BENCH JVM thread %s: %.1f s%n", name, used / 100.0);
            }
        });
        double cpu = (jvmCpuNanos() - jvmCpu + postgresCpuNanos() - pgCpu) / 1e9;
        System.out.printf("BENCH CPU during the replay: JVM %.1f s + PostgreSQL %.1f s = %.0f events per CPU-second"
                        + " (what a machine of its own would reach, the two working in turn)%n",
                (jvmCpuNanos() - jvmCpu) / 1e9, (postgresCpuNanos() - pgCpu) / 1e9, head / cpu);
        System.out.printf("BENCH replayed %d events: %.1f s from start(), %.0f events/s; %.0f events/s from first"
                        + " progress%n", head, (end - start) / 1e9, head / ((end - start) / 1e9),
                head / ((end - firstProgress) / 1e9));
        System.out.println("BENCH " + jdbc.sql("select n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, autovacuum_count, autoanalyze_count from pg_stat_user_tables where relname = 'user_directory'").query().listOfRows());
        long rows = jdbc.sql("select count(*) from user_directory where account_id in (:a)").param("a", accounts)
                .query(Long.class).single();
        long counted = jdbc.sql("select coalesce(sum(user_count), 0) from account_user_counts where account_id in (:a)")
                .param("a", accounts).query(Long.class).single();
        assertThat(rows).isEqualTo(users - users / 10).isEqualTo(counted);
    }

    /**
     * CPU time is what this figure is about on a shared machine: wall time there measures the neighbours as much as
     * the replay.
     */
    private static long jvmCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** CPU ticks of this JVM's threads by name (digits folded, so pools add up), from /proc/self/task. */
    private static Map<String, Long> jvmThreadTicks() {
        Map<String, Long> ticks = new java.util.TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("\\d+", "N");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ticks;
    }

    /** The embedded server's postmaster and its children (backends, writers, autovacuum), from /proc. */
    private long postgresCpuNanos() {
        try {
            Path dataDir = Path.of(jdbc.sql("show data_directory").query(String.class).single());
            String postmaster = Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip();
            long ticks = 0;
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    try {
                        String stat = Files.readString(process.resolve("stat"));
                        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (process.getFileName().toString().equals(postmaster) || fields[1].equals(postmaster)) {
                            long t = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                            ticks += t;
                            if (Boolean.getBoolean("bench.pgdetail")) {
                                System.out.println("BENCH PG " + t + " " + Files.readString(process.resolve("cmdline")).replace('\0', ' '));
                            }
                        }
                    } catch (IOException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ten events per user; every tenth user is removed at the end. Element i is the event of sequence number i. */
    private static List<BiFunction<Integer, UUID, UserEvent>> history(List<UUID> accounts) {
        List<BiFunction<Integer, UUID, UserEvent>> events = new ArrayList<>();
        events.add((u, id) -> created(id, accounts.get(u % ACCOUNTS), u / ACCOUNTS + 1, "Bench User " + u, BASE));
        events.add((u, id) -> new EmailAdded(id, emailId(id, 1), "bench-" + u + "@example.com", true));
        events.add((u, id) -> new PhoneAdded(id, emailId(id, 2), "+1415555" + String.format("%04d", u % 10_000), "US",
                true, "sms"));
        events.add((u, id) -> new RolesAssigned(id, List.of("admin", "billing")));
        events.add((u, id) -> new EmailAdded(id, emailId(id, 3), "bench-" + u + "@home.example", false));
        events.add((u, id) -> new UserSignedIn(id, null, Instant.parse("2024-02-01T00:00:00Z").plusSeconds(u)));
        events.add((u, id) -> new UserRenamed(id, "Renamed User " + u, "Renamed", "User " + u));
        events.add((u, id) -> new PrimaryEmailChanged(id, emailId(id, 3)));
        events.add((u, id) -> new UserSignedIn(id, Instant.parse("2024-02-01T00:00:00Z").plusSeconds(u),
                Instant.parse("2024-02-02T00:00:00Z").plusSeconds(u)));
        events.add((u, id) -> u % 10 == 0 ? new UserRemoved(id, List.of(), BASE)
                : new UserSignedIn(id, Instant.parse("2024-02-02T00:00:00Z").plusSeconds(u),
                Instant.parse("2024-02-03T00:00:00Z").plusSeconds(u)));
        return events;
    }

    /** Child ids derived from the user's, so that a later event can name a child added earlier. */
    private static UUID emailId(UUID userId, int n) {
        return new UUID(userId.getMostSignificantBits(), userId.getLeastSignificantBits() + n);
    }
}
