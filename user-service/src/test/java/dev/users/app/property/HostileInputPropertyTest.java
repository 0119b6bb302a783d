package dev.users.app.property;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.test.context.TestContextManager;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Arbitrary Unicode — every control character, unpaired surrogates, separators, bidirectional controls, any BMP or
 * supplementary character, alone or inside otherwise valid values — in every text field, object key, filter, path
 * id and query parameter of both surfaces, over real HTTP to the running service: no answer is ever a 5xx, every
 * 4xx is in the surface's error format, and after each try a normal create is readable within a second (nothing
 * stored stalls the read model). Runs on jqwik's engine next to Jupiter's; Spring's test context (shared with the
 * other HTTP tests through its cache) is injected by hand, as jqwik does not run Jupiter extensions.
 */
class HostileInputPropertyTest extends ApiTest {

    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong SERVER_ERRORS = new AtomicLong();
    private static final AtomicLong UNIQUE = new AtomicLong();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> TEXT_FILTERS = List.of("name", "email", "phone", "role", "time_zone",
            "preferred_language", "emails", "phones.phone", "roles", "meta.k", "team_ids", "phones.country",
            "user.name", "roles.admin");
    private static final List<String> OTHER_FILTERS = List.of("id", "tiny_id", "notify_push", "notify_email",
            "notify_sms", "notify_voice", "created_at", "updated_at", "last_sign_in_at", "prefix_id", "account_id",
            "emails.id", "emails.primary", "phones.id", "phones.prefix_id", "phones.blocked");
    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    private static TestContextManager spring;

    private Http client;
    private String userId;
    private String accountUserId;

    /** One generated value and how to send it. */
    record Input(String text, boolean rawUnicode, String operator) {

        String json() {
            return Wire.json(text, rawUnicode);
        }

        String pct() {
            return Wire.percent(text);
        }
    }

    /** One request to send: what it probes, and the request itself. */
    record Probe(String label, String method, String path, String body, String contentType) {
    }

    @BeforeProperty
    void connect() throws Exception {
        if (spring == null) {
            spring = new TestContextManager(HostileInputPropertyTest.class);
        }
        spring.prepareTestInstance(this);
        client = otherAccount();
        userId = created(client.post("/api/v4/users", Map.of("name", "Target", "email", email())));
        accountUserId = created(client.post("/api/v4/account_users",
                Map.of("user_attributes", Map.of("name", "Account Target", "email", email()))));
    }

    @AfterContainer
    static void report() {
        System.out.printf("hostile-input property: %d requests sent, %d answered 5xx%n", REQUESTS.get(),
                SERVER_ERRORS.get());
    }

    @Property(tries = 120)
    void noHostileInputCausesA5xxOrStallsTheReadModel(@ForAll("hostile") String text, @ForAll boolean rawUnicode,
                                                      @ForAll("operators") String operator) {
        Input in = new Input(text, rawUnicode, operator);
        List<String> wrong = new ArrayList<>();
        for (Probe probe : probes(in)) {
            Http.Response response = send(probe);
            String problem = ErrorFormats.unacceptable(probe.path(), response);
            if (problem != null) {
                wrong.add(probe.label() + " " + probe.method() + " " + probe.path() + ": " + problem);
            }
        }
        assertThat(wrong).as("answers to %s", Wire.json(text, false)).isEmpty();
        normalCreateIsReadableWithinASecond();
    }

    @Provide
    Arbitrary<String> hostile() {
        // weighted by kind, not by how many characters each kind has: 2,048 surrogates would drown out NUL
        Arbitrary<Character> refusedChar = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just('\u0000')),
                Tuple.of(3, Arbitraries.chars().range('\u0001', '\u001f')),
                Tuple.of(2, Arbitraries.chars().range('\u007f', '\u009f')),
                Tuple.of(3, Arbitraries.chars().range('\ud800', '\udfff')),
                Tuple.of(2, Arbitraries.of('\u2028', '\u2029', '\u202a', '\u202b', '\u202c', '\u202d', '\u202e',
                        '\u2066', '\u2067', '\u2068', '\u2069')));
        Arbitrary<String> refused = refusedChar.list().ofMinSize(1).ofMaxSize(4).map(HostileInputPropertyTest::join);
        Arbitrary<String> awkward = Arbitraries.strings().withChars("%+&=[]{}\"'\\/?#;:,.*_@<> \u200d\u200f\ufeff\uffff")
                .ofMinLength(1).ofMaxLength(4);
        Arbitrary<String> anyChar = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6);
        Arbitrary<String> supplementary = Arbitraries.integers().between(0x10000, 0x10ffff).map(Character::toString);
        Arbitrary<String> ascii = Arbitraries.strings().ascii().ofMinLength(1).ofMaxLength(8);
        Arbitrary<String> noise = Arbitraries.frequencyOf(Tuple.of(4, refused), Tuple.of(2, awkward),
                Tuple.of(3, anyChar), Tuple.of(1, supplementary), Tuple.of(2, ascii));
        Arbitrary<String> valid = Arbitraries.of("", "Ann Lee", "ann@example.com", "+14155552671", "(415) 555-2671",
                "Europe/London", "London", "en-US", "admin", "billing", "usr_00000000000040008000000000000000",
                "00000000-0000-4000-8000-000000000000", "2026-01-01T00:00:00Z", "10", "0", "name:beginsWith",
                "tiny_id", "true", "sms", "2022-10-12 07:00:00", "2026-06-09T00:00:00-07:00..2026-06-10T00:00:00-07:00",
                "1..5", "..", "meta.team", "acu_00000000000040008000000000000000", "phn_00000000000040008000000000000000");
        Arbitrary<String> inserted = Combinators.combine(valid, noise, Arbitraries.integers().between(0, 40))
                .as((base, extra, at) -> {
                    int cut = Math.min(at, base.length());
                    return base.substring(0, cut) + extra + base.substring(cut);
                });
        return Arbitraries.frequencyOf(Tuple.of(6, inserted), Tuple.of(3, noise), Tuple.of(1, valid));
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of("equals", "ne", "lt", "lte", "gt", "gte", "beginsWith", "contains", "between");
    }

    /** Every request of one try: each puts the input in one place, the rest of the request valid. */
    private List<Probe> probes(Input in) {
        String j = in.json();
        String p = in.pct();
        String user = "/api/v4/users/" + userId;
        List<Probe> probes = new ArrayList<>();
        String ok = "\"name\": \"Probe\", \"email\": \"" + email() + "\"";
        for (String field : List.of("name", "email", "time_zone", "preferred_language", "notify_push")) {
            probes.add(json("v4 create " + field, "POST", "/api/v4/users",
                    "{" + ok.replace("\"" + field + "\": ", "\"ignored\": ") + ", \"" + field + "\": " + j + "}"));
        }
        probes.add(json("v4 create meta value", "POST", "/api/v4/users", "{" + ok + ", \"meta\": {\"k\": " + j + "}}"));
        probes.add(json("v4 create meta key", "POST", "/api/v4/users", "{" + ok + ", \"meta\": {" + j + ": \"v\"}}"));
        probes.add(json("v4 create emails_attributes", "POST", "/api/v4/users",
                "{" + ok + ", \"emails_attributes\": [{\"email\": " + j + "}]}"));
        probes.add(json("v4 create phones_attributes", "POST", "/api/v4/users", "{" + ok
                + ", \"phones_attributes\": [{\"phone\": " + j + ", \"confirmation_method\": " + j + "}]}"));
        probes.add(new Probe("v4 create form", "POST", "/api/v4/users",
                "user[name]=" + p + "&user[email]=" + email() + "&user[meta][" + p + "]=" + p, FORM));
        probes.add(json("v4 update name", "PUT", user, "{\"name\": " + j + "}"));
        probes.add(json("v4 update meta", "PUT", user, "{\"meta\": {" + j + ": " + j + "}}"));
        probes.add(json("v4 update email", "PATCH", user, "{\"email\": " + j + "}"));
        probes.add(json("v4 update email id", "PUT", user, "{\"emails_attributes\": [{\"id\": " + j
                + ", \"email\": \"x@example.com\"}], \"phones_attributes\": [{\"id\": " + j + ", \"_destroy\": true}]}"));
        probes.add(new Probe("v4 update form", "PUT", user, "user[time_zone]=" + p + "&user[" + p + "]=1", FORM));
        probes.add(json("v4 sign-in", "POST", user + "/sign_ins", "{\"at\": " + j + "}"));
        probes.add(json("v4 roles", "PUT", user + "/roles", "{\"roles\": [" + j + "]}"));
        for (String list : List.of("/api/v4/users", "/api/v4/account_users")) {
            for (String filter : TEXT_FILTERS) {
                probes.add(get("list filter " + filter, list + "?" + filter + "=" + p + "&ops=" + filter + ":"
                        + in.operator()));
            }
            for (String query : List.of("q=" + p, "sort=" + p + "&direction=" + p, "ops=" + p, "limit=" + p,
                    "offset=" + p, "page=" + p, p + "=x", "name=x&ops=name:" + p,
                    "meta." + p + "=x&ops=meta." + p + ":" + in.operator(), "roles." + p + "=true", "user." + p + "=x",
                    "created_at=" + p + "..2026-01-01&ops=created_at:between",
                    "tiny_id=1.." + p + "&ops=tiny_id:between")) {
                probes.add(get("list " + query.substring(0, Math.min(6, query.length())), list + "?" + query));
            }
        }
        for (String filter : OTHER_FILTERS) {
            probes.add(get("list filter " + filter, "/api/v4/users?" + filter + "=" + p));
        }
        probes.add(get("v4 retrieve id", "/api/v4/users/" + p));
        probes.add(get("v4 sign-ins id", "/api/v4/users/" + p + "/sign_ins"));
        probes.add(get("v4 sign-ins from/to", user + "/sign_ins?from=" + p + "&to=" + p + "&limit=" + p));
        probes.add(get("v4 account sign-ins", "/api/v4/sign_ins?from=" + p));
        String accountUser = "{\"user_attributes\": {\"name\": \"Probe\", \"email\": \"" + email() + "\"}";
        probes.add(json("account user name", "POST", "/api/v4/account_users",
                "{\"user_attributes\": {\"name\": " + j + ", \"emails_attributes\": [{\"email\": " + j + "}]}}"));
        probes.add(json("account user roles hash", "POST", "/api/v4/account_users",
                accountUser + ", \"roles\": {" + j + ": true, \"admin\": " + j + "}}"));
        probes.add(json("account user roles list", "POST", "/api/v4/account_users", accountUser + ", \"roles\": [" + j + "]}"));
        probes.add(json("account user team ids", "POST", "/api/v4/account_users", accountUser + ", \"team_ids\": [" + j + "]}"));
        probes.add(json("account user update", "PUT", "/api/v4/account_users/" + accountUserId,
                "{\"team_ids\": [" + j + "], \"roles\": {" + j + ": false}, \"user_attributes\": {\"name\": " + j + "}}"));
        probes.add(get("account user retrieve", "/api/v4/account_users/" + p));
        String v3 = "\"first_name\": \"Probe\", \"last_name\": \"Three\", \"role_ids\": [\"admin\"]";
        for (String field : List.of("first_name", "last_name", "language", "timezone", "email", "phone")) {
            probes.add(json("v3 create " + field, "POST", "/v3/settings/users",
                    "{" + v3.replace("\"" + field + "\": ", "\"ignored\": ") + ", \"" + field + "\": " + j + "}"));
        }
        probes.add(json("v3 create role_ids", "POST", "/v3/settings/users",
                "{\"first_name\": \"a\", \"last_name\": \"b\", \"role_ids\": [" + j + "]}"));
        probes.add(get("v3 list", "/v3/settings/users?limit=" + p + "&offset=" + p + "&" + p + "=1"));
        probes.add(get("v3 show", "/v3/settings/users/" + p));
        probes.add(new Probe("v3 delete", "DELETE", "/v3/settings/users/" + p, null, null));
        probes.add(json("v3 role", "POST", "/v3/settings/roles", "{\"name\": " + j + ", \"description\": " + j + "}"));
        return probes;
    }

    private static Probe json(String label, String method, String path, String body) {
        return new Probe(label, method, path, body, JSON);
    }

    private static Probe get(String label, String path) {
        return new Probe(label, "GET", path, null, null);
    }

    private Http.Response send(Probe probe) {
        REQUESTS.incrementAndGet();
        Http.Response response = client.send(probe.method(), probe.path(), probe.body(), probe.contentType());
        if (response.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        return response;
    }

    private void normalCreateIsReadableWithinASecond() {
        long start = System.nanoTime();
        REQUESTS.incrementAndGet();
        var created = client.post("/api/v4/users", Map.of("name", "Normal", "email", email()));
        assertThat(created.status()).as(created.toString()).isIn(201, 202);
        String id = created.json().path("id").asString();
        Duration left = Duration.ofSeconds(1).minusNanos(System.nanoTime() - start);
        assertThat(left).as("the create itself took over a second").isPositive();
        await().atMost(left).pollInterval(Duration.ofMillis(20)).until(() -> {
            REQUESTS.incrementAndGet();
            return client.get("/api/v4/users/" + id).status() == 200;
        });
    }

    private static String join(List<Character> chars) {
        StringBuilder text = new StringBuilder(chars.size());
        chars.forEach(text::append);
        return text.toString();
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    private static String email() {
        return "hostile-" + RUN + "-" + UNIQUE.incrementAndGet() + "@example.com";
    }
}
