package dev.users.app.crash;

import dev.users.app.support.Http;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Concurrent clients creating users, renaming them and recording their sign-ins until the service stops answering,
 * keeping every write it acknowledged (201, 200, and 202: written, not yet in the read model). Each user is written
 * by one client only, one request at a time, so its acknowledged state is exact; a request that got no answer (the
 * kill came first) may or may not have been applied, and is kept as such.
 */
final class WriteLoad {

    /** Sign-ins move forward only, and none lies ahead of the service's clock: a day ago, then a second apart. */
    private final Instant firstSignIn = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    private static final int MAX_REQUESTS_PER_CLIENT = 20_000;

    private final Http http;
    private final ExecutorService clients;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ConcurrentLinkedQueue<WrittenUser> users = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unansweredCreates = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> unexpectedAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger creates = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private final AtomicInteger signIns = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();

    private final String tag;

    private WriteLoad(Http http, int clientCount, String tag) {
        this.http = http;
        this.tag = tag;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int client = 0; client < clientCount; client++) {
            int id = client;
            clients.submit(() -> run(id));
        }
        clients.shutdown();
    }

    static WriteLoad start(Http http, int clientCount) {
        return start(http, clientCount, "");
    }

    /** A load whose addresses carry {@code tag}, so that loads on one database never repeat each other's. */
    static WriteLoad start(Http http, int clientCount, String tag) {
        return new WriteLoad(http, clientCount, tag);
    }

    int acknowledged() {
        return creates.get() + updates.get() + signIns.get();
    }

    int creates() {
        return creates.get();
    }

    int updates() {
        return updates.get();
    }

    int signIns() {
        return signIns.get();
    }

    /** Acknowledged with 202: in the event store, not yet in the read model when answered. */
    int accepted() {
        return accepted.get();
    }

    List<WrittenUser> users() {
        return List.copyOf(users);
    }

    List<String> unansweredCreates() {
        return List.copyOf(unansweredCreates);
    }

    List<String> unexpectedAnswers() {
        return List.copyOf(unexpectedAnswers);
    }

    /** Waits for every client to end: each ends at its first request without an answer, or when told to stop. */
    void awaitEnd(Duration limit) throws InterruptedException {
        if (!clients.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            stopped.set(true);
            throw new AssertionError("the write clients did not end within " + limit);
        }
    }

    boolean ended() {
        return clients.isTerminated();
    }

    private void run(int client) {
        Random random = new Random(client);
        List<WrittenUser> mine = new ArrayList<>();
        try {
            for (int request = 0; request < MAX_REQUESTS_PER_CLIENT && !stopped.get(); request++) {
                double dice = random.nextDouble();
                if (mine.isEmpty() || dice < 0.6) {
                    create(client, request, mine);
                } else if (dice < 0.8) {
                    rename(mine.get(random.nextInt(mine.size())), request);
                } else {
                    signIn(mine.get(random.nextInt(mine.size())));
                }
            }
        } catch (UncheckedIOException serverGone) {
            // the kill: this client's last request got no answer
        }
    }

    private void create(int client, int request, List<WrittenUser> mine) {
        String email = "crash-" + tag + client + "-" + request + "@example.com";
        String name = "Crash " + tag + client + " " + request;
        unansweredCreates.add(email);
        Http.Response response = http.post("/api/v4/users", Map.of("name", name, "email", email));
        unansweredCreates.remove(email);
        if (acknowledged(response, 201)) {
            WrittenUser user = new WrittenUser(response.json().path("id").asString(), email, name);
            mine.add(user);
            users.add(user);
            creates.incrementAndGet();
        } else {
            unexpectedAnswers.add("create " + email + ": " + response);
        }
    }

    private void rename(WrittenUser user, int request) {
        String name = user.name + " r" + request;
        user.unansweredName = name;
        Http.Response response = http.put("/api/v4/users/" + user.id, Map.of("name", name));
        user.unansweredName = null;
        if (acknowledged(response, 200)) {
            user.name = name;
            updates.incrementAndGet();
        } else {
            unexpectedAnswers.add("rename " + user.id + ": " + response);
        }
    }

    private void signIn(WrittenUser user) {
        Instant at = firstSignIn.plusSeconds(user.signIns.size() + 1L);
        user.unansweredSignIn = at;
        Http.Response response = http.post("/api/v4/users/" + user.id + "/sign_ins", Map.of("at", at.toString()));
        user.unansweredSignIn = null;
        if (acknowledged(response, 201)) {
            user.signIns.add(at);
            signIns.incrementAndGet();
        } else {
            unexpectedAnswers.add("sign-in " + user.id + ": " + response);
        }
    }

    private boolean acknowledged(Http.Response response, int success) {
        if (response.status() == 202) {
            accepted.incrementAndGet();
            return true;
        }
        return response.status() == success;
    }

    /**
     * A user whose create was acknowledged, with its acknowledged name and sign-ins, and the one write that was sent
     * without an answer, if any (then either the acknowledged or that value is right).
     */
    static final class WrittenUser {
        final String id;
        final String email;
        volatile String name;
        volatile String unansweredName;
        final List<Instant> signIns = new CopyOnWriteArrayList<>();
        volatile Instant unansweredSignIn;

        WrittenUser(String id, String email, String name) {
            this.id = id;
            this.email = email;
            this.name = name;
        }

        Instant lastSignIn() {
            return signIns.isEmpty() ? null : signIns.get(signIns.size() - 1);
        }
    }
}
