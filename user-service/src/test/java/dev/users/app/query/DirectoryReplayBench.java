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
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast the user-directory processing group replays: a probe, not part of the build (its name is no test's, and
 * it needs {@code -Dbench=true}); it prints figures and asserts only that the rebuilt directory is complete. Run with
 * <pre>
 * ./mvnw -B -o verify -pl user-service -am -Dtest=DirectoryReplayBench -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dbench=true [-Dbench.users=20000] [-Dbench.drop-indexes=REGEX]
 * </pre>
 * Ten events per user, appended user-interleaved (every creation, then every first email, …) as the service's
 * benchmark seeds them: each batch then touches as many users as it has events, the worst case for a per-batch
 * working set. {@code bench.drop-indexes} drops the directory's non-unique indexes whose names match before the
 * replay, to see what keeping them costs.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DirectoryReplayBench extends QueryTest {

    private static final int ACCOUNTS = 20;
    private static final Instant SIGN_IN = Instant.parse("2024-02-01T00:00:00Z");

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    TokenStore tokenStore;

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
        long head = append(users, accounts);
        dropIndexes(System.getProperty("bench.drop-indexes"));

        processor.resetTokens();
        int segments = tokenStore.fetchSegments(UserDirectoryProjection.GROUP).length;
        ReplayCpu before = ReplayCpu.now(jdbc.sql("show data_directory").query(String.class).single());
        long start = System.nanoTime();
        processor.start();
        // every segment must be through: with several, one may finish long before another
        await().pollInterval(Duration.ofMillis(20)).atMost(Duration.ofMinutes(30)).until(() -> {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            return status.size() >= segments && status.values().stream()
                    .mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1) >= head;
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        ReplayCpu after = before.next();

        after.busyThreadsSince(before, (name, cpu) -> System.out.printf("BENCH JVM thread %s: %.1f s%n", name, cpu));
        double jvm = after.jvmSecondsSince(before);
        double postgres = after.postgresSecondsSince(before);
        System.out.printf("BENCH replayed %d events in %.1f s: %.0f events/s; CPU: JVM %.1f s + PostgreSQL %.1f s"
                + " = %.0f events per CPU-second%n", head, seconds, head / seconds, jvm, postgres,
                head / (jvm + postgres));
        long rows = jdbc.sql("select count(*) from user_directory where account_id in (:a)").param("a", accounts)
                .query(Long.class).single();
        long counted = jdbc.sql("select sum(user_count) from account_user_counts where account_id in (:a)")
                .param("a", accounts).query(Long.class).single();
        assertThat(rows).isEqualTo(users - users / 10).isEqualTo(counted);
    }

    /** @return the global index of the last event (the replay's end) */
    private long append(int users, List<UUID> accounts) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < users; i++) {
            ids.add(UUID.randomUUID());
        }
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
        return jdbc.sql("select max(globalindex) from domainevententry").query(Long.class).single();
    }

    private void dropIndexes(String names) {
        if (names == null) {
            return;
        }
        for (String index : jdbc.sql("select indexrelid::regclass::text from pg_index"
                + " where indrelid = 'user_directory'::regclass and not indisunique").query(String.class).list()) {
            if (index.matches(names)) {
                jdbc.sql("drop index " + index).update();
            }
        }
    }

    /** Ten events per user; every tenth user is removed at the end. Element i is the event of sequence number i. */
    private static List<BiFunction<Integer, UUID, UserEvent>> history(List<UUID> accounts) {
        List<BiFunction<Integer, UUID, UserEvent>> events = new ArrayList<>();
        events.add((u, id) -> created(id, accounts.get(u % ACCOUNTS), u / ACCOUNTS + 1, "Bench User " + u, BASE));
        events.add((u, id) -> new EmailAdded(id, child(id, 1), "bench-" + u + "@example.com", true));
        events.add((u, id) -> new PhoneAdded(id, child(id, 2), "+1415555" + String.format("%04d", u % 10_000), "US",
                true, "sms"));
        events.add((u, id) -> new RolesAssigned(id, List.of("admin", "billing")));
        events.add((u, id) -> new EmailAdded(id, child(id, 3), "bench-" + u + "@home.example", false));
        events.add((u, id) -> new UserSignedIn(id, null, SIGN_IN.plusSeconds(u)));
        events.add((u, id) -> new UserRenamed(id, "Renamed User " + u, "Renamed", "User " + u));
        events.add((u, id) -> new PrimaryEmailChanged(id, child(id, 3)));
        events.add((u, id) -> new UserSignedIn(id, SIGN_IN.plusSeconds(u), SIGN_IN.plusSeconds(86_400L + u)));
        events.add((u, id) -> u % 10 == 0 ? new UserRemoved(id, List.of(), BASE)
                : new UserSignedIn(id, SIGN_IN.plusSeconds(86_400L + u), SIGN_IN.plusSeconds(172_800L + u)));
        return events;
    }

    /** Child ids derived from the user's, so that a later event can name a child added earlier. */
    private static UUID child(UUID userId, int n) {
        return new UUID(userId.getMostSignificantBits(), userId.getLeastSignificantBits() + n);
    }
}
