package dev.users.app.external;

import dev.users.app.support.ErrorFormats;
import dev.users.app.support.HeaderHttp;
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

/**
 * Clients writing and reading through both surfaces until told to stop, whatever the service answers: v4 creates,
 * renames, sign-ins and retrieves, v3 shows. Every answer is kept with when it was sent and how long it took; every
 * acknowledged create (201, 202) with the names it was acknowledged with and those sent without an acknowledgement
 * (after a 503, a rename may or may not have been applied).
 */
final class MixedLoad {

    /**
     * One answer: when its request was sent (System.nanoTime), how long it took, what it was. {@code unseenUser}: a
     * read of a user whose create was answered 202 and that no read has shown yet (a 404 is then no error).
     */
    record Sample(long sentAt, long millis, String request, int status, String retryAfter, String formatProblem,
                  boolean unseenUser) {

        /** An answer that is not the success asked for, and not a 404 of a user created with 202 and not seen yet. */
        boolean unexpected() {
            return status / 100 != 2 && !(status == 404 && unseenUser);
        }
    }

    /** A user whose create was acknowledged: its acknowledged name, and any later name not acknowledged. */
    static final class User {
        final String id;
        final String email;
        volatile String name;
        /** False from a create answered 202 until a read shows the user. */
        volatile boolean seen;
        final List<String> unacknowledgedNames = new ArrayList<>();
        /** Acknowledged sign-ins (each a second after the one before), and one sent without an acknowledgement. */
        final List<Instant> signIns = new CopyOnWriteArrayList<>();
        volatile Instant unacknowledgedSignIn;

        User(String id, String email, String name) {
            this.id = id;
            this.email = email;
            this.name = name;
        }

        synchronized List<String> possibleNames() {
            List<String> names = new ArrayList<>(unacknowledgedNames);
            names.add(name);
            return names;
        }

        synchronized void renamed(String newName, boolean acknowledged) {
            if (acknowledged) {
                name = newName;
                unacknowledgedNames.clear();
            } else {
                unacknowledgedNames.add(newName);
            }
        }
    }

    /** Sign-ins move forward only and none lies ahead of the service's clock: from a day ago, a second apart. */
    private final Instant firstSignIn = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
    private final HeaderHttp http;
    private final String tag;
    private final ExecutorService clients;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Sample> samples = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<User> users = new ConcurrentLinkedQueue<>();

    private MixedLoad(HeaderHttp http, int clientCount, String tag) {
        this.http = http;
        this.tag = tag;
        this.clients = Executors.newFixedThreadPool(clientCount);
        for (int client = 0; client < clientCount; client++) {
            int id = client;
            clients.submit(() -> run(id));
        }
        clients.shutdown();
    }

    static MixedLoad start(HeaderHttp http, int clientCount, String tag) {
        return new MixedLoad(http, clientCount, tag);
    }

    List<Sample> samples() {
        return List.copyOf(samples);
    }

    List<User> users() {
        return List.copyOf(users);
    }

    long acknowledged() {
        return samples.stream().filter(sample -> sample.status() / 100 == 2).count();
    }

    void stop() throws InterruptedException {
        stopped.set(true);
        if (!clients.awaitTermination(90, TimeUnit.SECONDS)) {
            throw new AssertionError("the load's clients did not stop");
        }
    }

    private void run(int client) {
        Random random = new Random(client);
        List<User> mine = new ArrayList<>();
        for (int request = 0; !stopped.get(); request++) {
            double dice = random.nextDouble();
            if (mine.isEmpty() || dice < 0.35) {
                create(client, request, mine);
            } else if (dice < 0.6) {
                User user = mine.get(random.nextInt(mine.size()));
                String name = user.name + " r" + request;
                HeaderHttp.Answer answer = send("PUT", "/api/v4/users/" + user.id, Map.of("name", name));
                user.renamed(name, answer.status() == 200 || answer.status() == 202);
            } else if (dice < 0.7) {
                signIn(mine.get(random.nextInt(mine.size())));
            } else {
                User user = mine.get(random.nextInt(mine.size()));
                String path = dice < 0.85 ? "/api/v4/users/" : "/v3/settings/users/";
                if (send("GET", path + user.id, null, !user.seen).status() == 200) {
                    user.seen = true;
                }
            }
        }
    }

    private void create(int client, int request, List<User> mine) {
        String email = "load-" + tag + "-" + client + "-" + request + "@example.com";
        String name = "Load " + tag + " " + client + " " + request;
        HeaderHttp.Answer answer = send("POST", "/api/v4/users", Map.of("name", name, "email", email));
        if (answer.status() == 201 || answer.status() == 202) {
            User user = new User(answer.json().path("id").asString(), email, name);
            user.seen = answer.status() == 201;
            mine.add(user);
            users.add(user);
        }
    }

    private void signIn(User user) {
        if (user.unacknowledgedSignIn != null) {
            return; // its audit is either way now; keep it exact
        }
        Instant at = firstSignIn.plusSeconds(user.signIns.size() + 1L);
        HeaderHttp.Answer answer = send("POST", "/api/v4/users/" + user.id + "/sign_ins", Map.of("at", at.toString()));
        if (answer.status() == 201 || answer.status() == 202) {
            user.signIns.add(at);
        } else {
            user.unacknowledgedSignIn = at;
        }
    }

    private HeaderHttp.Answer send(String method, String path, Object body) {
        return send(method, path, body, false);
    }

    private HeaderHttp.Answer send(String method, String path, Object body, boolean unseenUser) {
        long sentAt = System.nanoTime();
        HeaderHttp.Answer answer;
        try {
            answer = http.send(method, path, body, Map.of());
        } catch (UncheckedIOException noAnswer) {
            samples.add(new Sample(sentAt, elapsed(sentAt), method + " " + path, -1, null, "no answer: " + noAnswer,
                    unseenUser));
            return new HeaderHttp.Answer(-1, "", null);
        }
        String problem = null;
        if (answer.status() >= 400) {
            Http.Response response = new Http.Response(answer.status(), answer.text());
            problem = path.startsWith("/v3/") ? ErrorFormats.v3Problem(response) : ErrorFormats.v4Problem(response);
        }
        samples.add(new Sample(sentAt, elapsed(sentAt), method + " " + path, answer.status(),
                answer.header("Retry-After"), problem, unseenUser));
        return answer;
    }

    private static long elapsed(long sentAt) {
        return (System.nanoTime() - sentAt) / 1_000_000;
    }
}
