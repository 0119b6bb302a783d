package dev.users.app.races;

import dev.users.app.support.ApiTest;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.HeaderHttp.Answer;
import dev.users.query.directory.UserRows;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import static dev.users.app.support.HeaderHttp.concurrently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * 32 clients at once mixing creates, profile updates, email and phone changes, role changes and sign-ins on a
 * small set of shared users. Afterwards: no 5xx; every acknowledged write's version is in the user's events; and
 * for every user the read model equals the state folded from its events ({@link EventFold}).
 */
class ConcurrentClientsTest extends ApiTest {

    private static final int CLIENTS = 32;
    private static final int OPERATIONS_PER_CLIENT = 12;
    private static final String USERS = "/api/v4/users";

    @Autowired
    EventStore events;

    @Autowired
    UserRows rows;

    /** A write the service acknowledged: on whom, as which version. */
    record Acknowledged(UUID userId, long version, String what) {
    }

    @Test
    void theReadModelEqualsTheEventsAndNoAcknowledgedWriteIsLost() throws Exception {
        HeaderHttp http = new HeaderHttp(port, BOOTSTRAP_KEY);
        List<UUID> users = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 6; i++) {
            users.add(UUID.fromString(create(http, "Shared " + i).json().path("id").asString()));
        }
        List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();

        concurrently(CLIENTS, client -> {
            for (int op = 0; op < OPERATIONS_PER_CLIENT; op++) {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                UUID user = users.get(random.nextInt(users.size()));
                String kind;
                Answer answer;
                switch (random.nextInt(6)) {
                    case 0 -> {
                        kind = "create";
                        answer = create(http, "Client " + client + " op " + op);
                        if (answer.status() == 201) {
                            user = UUID.fromString(answer.json().path("id").asString());
                            users.add(user);
                        }
                    }
                    case 1 -> {
                        kind = "profile";
                        answer = http.send("PUT", USERS + "/" + user, Map.of("name", "By " + client + "-" + op,
                                "meta", Map.of("client", "c" + client, "op", "o" + op)), Map.of());
                    }
                    case 2 -> {
                        kind = "email";
                        answer = http.send("PUT", USERS + "/" + user, Map.of("email", uniqueEmail("race")), Map.of());
                    }
                    case 3 -> {
                        kind = "phone";
                        answer = http.send("PUT", USERS + "/" + user, Map.of("phones_attributes", List.of(
                                Map.of("phone", "+1 650 253 " + (1000 + random.nextInt(9000))))), Map.of());
                    }
                    case 4 -> {
                        kind = "roles";
                        answer = http.send("PUT", USERS + "/" + user + "/roles", Map.of("roles",
                                random.nextBoolean() ? List.of("admin") : List.of("billing", "communicator")), Map.of());
                    }
                    default -> {
                        kind = "sign-in";
                        answer = http.send("POST", USERS + "/" + user + "/sign_ins", Map.of(), Map.of());
                    }
                }
                statuses.merge(answer.status(), 1, Integer::sum);
                if (answer.status() >= 200 && answer.status() < 300 && answer.etag() != null) {
                    acknowledged.add(new Acknowledged(user, answer.version(), kind));
                }
            }
            return null;
        });

        assertThat(statuses.keySet()).as("statuses %s", statuses).allMatch(status -> status < 500);
        assertThat(acknowledged).hasSizeGreaterThan(CLIENTS * OPERATIONS_PER_CLIENT / 2);

        Map<UUID, List<DomainEventMessage<?>>> stored = users.stream().distinct()
                .collect(Collectors.toMap(id -> id, this::eventsOf));
        for (Acknowledged write : acknowledged) {
            Set<Long> sequences = stored.get(write.userId()).stream().map(DomainEventMessage::getSequenceNumber)
                    .collect(Collectors.toSet());
            assertThat(sequences).as("%s", write).contains(write.version());
        }
        for (UUID user : stored.keySet()) {
            EventFold.State expected = EventFold.of(stored.get(user)).state();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rows.find(user).map(EventFold.State::of)).as("user %s", user).contains(expected));
        }
        System.out.printf("ConcurrentClientsTest: %d clients, %d requests, statuses %s, %d acknowledged writes, "
                        + "%d users, all acknowledged versions in the events, read model = fold for every user%n",
                CLIENTS, CLIENTS * OPERATIONS_PER_CLIENT, statuses, acknowledged.size(), stored.size());
    }

    private List<DomainEventMessage<?>> eventsOf(UUID userId) {
        List<DomainEventMessage<?>> all = new ArrayList<>();
        events.readEvents(userId.toString(), 0).asStream().forEach(all::add);
        return all;
    }

    private static Answer create(HeaderHttp http, String name) {
        return http.send("POST", USERS, Map.of("name", name, "email", uniqueEmail("racer"),
                "phones_attributes", List.of(Map.of("phone", "+1 650 253 0000"))), Map.of());
    }
}
