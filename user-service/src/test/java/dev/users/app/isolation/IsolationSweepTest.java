package dev.users.app.isolation;

import dev.users.app.support.ApiTest;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.Http;
import dev.users.query.export.CsvExport;
import dev.users.web.Caller.Scope;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Account isolation, swept over every route the service maps (Spring MVC's handler mapping, so that a new route is
 * swept without anyone remembering to): with account A's keys of every scope, each route that names a resource is
 * called with every id of account B's users, account users, memberships, invitations, events, keys, roles and the
 * account itself, and each route that lists is read. A named B resource is always 404 (or the scope's 403 before
 * any lookup); no answer, list, page, feed or stream holds any of B's ids, names or addresses (other than the id
 * the request itself named); and nothing of B changed. A route the sweep cannot call is listed in
 * {@link #EXEMPT} with the reason, and the sweep fails on any route in neither.
 */
class IsolationSweepTest extends ApiTest {

    /** Routes not swept, each with why ("METHOD pattern"). */
    private static final Map<String, String> EXEMPT = Map.ofEntries(
            Map.entry("POST /api/v4/users", "creates in the caller's account; names no other account's resource"),
            Map.entry("POST /v3/settings/users", "creates in the caller's account"),
            Map.entry("POST /api/v4/account_users", "creates in the caller's account; an address another"
                    + " account's person holds invites that person, by design (issue 14, MembershipsTest)"),
            Map.entry("POST /api/v4/api_keys", "issues a key of the caller's account"),
            Map.entry("POST /api/v4/api_key_certificates", "registers a certificate for the caller's account"),
            Map.entry("POST /api/v4/accounts", "the operator's only (403 for every account key:"
                    + " ErasureRefusalsTest, AccountsAndScopedKeysTest)"),
            Map.entry("POST /v3/settings/roles", "adds to the caller's account's role catalog"),
            Map.entry("POST /api/v4/dead_letters/retry", "retries the caller's account's parked users"),
            Map.entry("POST /invitations/{token}/{answer}", "authenticated by the e-mail's signed token, not by an"
                    + " account's key (MembershipsTest forges one)"),
            Map.entry("* ${server.error.path:/error}", "the container's error page"),
            Map.entry("* /error", "the container's error page"));

    /** The path variables the sweep fills, and which of B's ids each takes. */
    private static final Set<String> ID_VARIABLES = Set.of("id", "userId", "invitation");

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    private UUID a;
    private UUID aUser;
    private UUID b;
    private final Map<String, String> bIds = new LinkedHashMap<>(); // each id of B, by what it names
    private final Set<String> bSecrets = new LinkedHashSet<>();    // everything of B no answer to A may hold

    /**
     * Routes that came after the sweep was written (audit, verify, feed, stream, accounts, keys, memberships,
     * invitations, erasure, CSV exports): the sweep must have reached each, so that none is skipped by accident.
     */
    private static final Set<String> NEWER_ROUTES = Set.of("GET /api/v4/audit_log", "GET /api/v4/audit_log csv",
            "GET /api/v4/users/{id}/verify", "POST /api/v4/verify", "GET /api/v4/events", "GET /api/v4/events/stream",
            "GET /api/v4/accounts", "GET /api/v4/accounts/{id}", "GET /api/v4/api_keys", "GET /api/v4/api_keys/{id}",
            "DELETE /api/v4/api_keys/{id}", "GET /api/v4/memberships", "GET /api/v4/users/{id}/invitations",
            "POST /api/v4/users/{id}/invitations/{invitation}/{answer}", "POST /api/v4/users/{id}/erasure",
            "GET /api/v4/users/{id}/history", "GET /api/v4/sign_ins csv", "GET /api/v4/users/{id}/sign_ins csv",
            "POST /api/v4/dead_letters/{userId}/retry", "GET /api/v4/dead_letters");

    private record Route(String method, String pattern, Map<String, String> params, boolean stream, boolean csv) {
        String key() {
            return method + " " + pattern;
        }

        /** The key, told apart from the JSON route of the same path when it answers CSV. */
        String shown() {
            return key() + (csv ? " csv" : "");
        }
    }

    @BeforeEach
    void twoAccounts() {
        a = accounts.create("sweep-a-" + UUID.randomUUID(), "US");
        b = accounts.create("sweep-b-" + UUID.randomUUID(), "US");
        UUID c = accounts.create("sweep-c-" + UUID.randomUUID(), "US");
        Http aAdmin = client(a, Scope.ADMIN);
        Http bAdmin = client(b, Scope.ADMIN);
        Http cAdmin = client(c, Scope.ADMIN);
        aUser = UUID.fromString(aAdmin.post("/api/v4/users", Map.of("name", "Alice Sweep",
                "email", uniqueEmail("alice"))).json().path("id").asString());

        String tag = UUID.randomUUID().toString().substring(0, 8);
        String bName = "Bertha Bsecret-" + tag;
        String bEmail = "bertha-" + tag + "@b.example";
        Http.Response bUser = bAdmin.post("/api/v4/users", Map.of("name", bName, "email", bEmail,
                "phones_attributes", List.of(Map.of("phone", "+1415" + (2000000 + Math.abs(tag.hashCode()) % 7000000))),
                "meta", Map.of("b-note", "bmeta-" + tag)));
        assertThat(bUser.status()).as(bUser.toString()).isEqualTo(201);
        UUID bPerson = UUID.fromString(bUser.json().path("id").asString());
        assertThat(bAdmin.post("/api/v4/users/" + bPerson + "/sign_ins", Map.of()).status()).isEqualTo(201);
        // B invites C's person (B's membership), and C invites B's person (B's person's invitation)
        String cEmail = "carl-" + tag + "@c.example";
        UUID cPerson = UUID.fromString(cAdmin.post("/api/v4/users", Map.of("name", "Carl Csecret-" + tag,
                "email", cEmail)).json().path("id").asString());
        Http.Response bMembership = bAdmin.post("/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "Carl", "emails_attributes", List.of(Map.of("email", cEmail)))));
        assertThat(bMembership.status()).as(bMembership.toString()).isEqualTo(202);
        Http.Response invitation = cAdmin.post("/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "Bertha", "emails_attributes", List.of(Map.of("email", bEmail)))));
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(202);
        Http.Response bRole = bAdmin.post("/v3/settings/roles", Map.of("name", "brole-" + tag));
        assertThat(bRole.status()).as(bRole.toString()).isEqualTo(201);
        Http.Response bKey = bAdmin.post("/api/v4/api_keys", Map.of("scope", "read", "label", "bkey-" + tag));
        assertThat(bKey.status()).as(bKey.toString()).isEqualTo(201);

        bIds.put("user", bPerson.toString());
        bIds.put("user prefix id", "usr_" + hex(bPerson));
        bIds.put("account user", "acu_" + hex(bPerson));
        bIds.put("membership", bMembership.json().path("prefix_id").asString());
        bIds.put("membership uuid", bMembership.json().path("id").asString());
        bIds.put("invitation of B's person", invitation.json().path("prefix_id").asString());
        bIds.put("role", bRole.json().path("id").asString());
        bIds.put("api key", bKey.json().path("id").asString());
        bIds.put("account", b.toString());
        JsonNode events = await().atMost(Duration.ofSeconds(20)).until(() -> bAdmin.get("/api/v4/events").json(),
                page -> page.isArray() && page.size() >= 5);
        for (int i = 0; i < Math.min(3, events.size()); i++) {
            bIds.put("event " + i, events.get(i).path("id").asString());
        }
        bIds.values().forEach(bSecrets::add);
        bSecrets.add(hex(bPerson));
        bSecrets.addAll(List.of(bName, bEmail, "bmeta-" + tag, "brole-" + tag, "bkey-" + tag, cPerson.toString()));
        bSecrets.remove(null);
        bSecrets.remove("");
    }

    @Test
    void accountAsKeysNeverReachAccountBsData() throws Exception {
        List<Route> routes = routes();
        List<String> unswept = routes.stream().filter(r -> !EXEMPT.containsKey(r.key()) && !sweepable(r))
                .map(Route::key).toList();
        assertThat(unswept).as("routes neither swept nor exempt (add them to EXEMPT with a reason, or teach the"
                + " sweep their path variables)").isEmpty();
        long bEvents = bEventCount();
        long bKeys = jdbc.queryForObject("select count(*) from api_keys where account_id = ? and revoked_at is null",
                Long.class, b);

        List<String> failures = new ArrayList<>();
        Set<String> swept = new LinkedHashSet<>();
        int calls = 0;
        for (Scope scope : Scope.values()) {
            Http http = client(a, scope);
            for (Route route : routes) {
                if (EXEMPT.containsKey(route.key())) {
                    continue;
                }
                swept.add(route.shown());
                for (Map.Entry<String, String> call : calls(route).entrySet()) {
                    calls++;
                    check(http, scope, route, call.getKey(), call.getValue(), failures);
                }
            }
        }
        assertThat(failures).as(calls + " calls").isEmpty();
        assertThat(calls).isGreaterThan(500);
        assertThat(listsRead).as("lists read").isGreaterThan(20);
        assertThat(csvRead).as("CSV exports answered").isGreaterThanOrEqualTo(3);
        assertThat(swept).as("routes swept").containsAll(NEWER_ROUTES);
        assertThat(bEventCount()).as("B's events").isEqualTo(bEvents);
        assertThat(jdbc.queryForObject("select count(*) from api_keys where account_id = ? and revoked_at is null",
                Long.class, b)).as("B's keys").isEqualTo(bKeys);
        assertThat(client(b, Scope.READ).get("/api/v4/users/" + bIds.get("user")).status()).isEqualTo(200);
    }

    /** Each path of the route to call, with the id of B it names (null for a list). */
    private Map<String, String> calls(Route route) {
        Map<String, String> calls = new LinkedHashMap<>();
        List<String> variables = variables(route.pattern());
        String query = query(route.params());
        if (variables.isEmpty()) {
            calls.put(route.pattern() + query, null);
            calls.put(route.pattern() + (query.isEmpty() ? "?" : query + "&") + "limit=100", null);
            return calls;
        }
        for (String id : bIds.values()) {
            String path = route.pattern();
            for (String variable : variables) {
                path = path.replace("{" + variable + "}", variable.equals("answer") ? "accept" : id);
            }
            calls.put(path + query, id);
        }
        // B's person together with B's person's invitation, as the home account would name them
        if (variables.contains("invitation")) {
            calls.put(route.pattern().replace("{id}", bIds.get("user"))
                    .replace("{invitation}", bIds.get("invitation of B's person"))
                    .replace("{answer}", "accept") + query, bIds.get("user"));
        }
        return calls;
    }

    private int listsRead; // lists and pages answered 200: the sweep read real data, not only refusals
    private int csvRead;   // CSV exports answered 200 in CSV

    private void check(Http http, Scope scope, Route route, String path, String named, List<String> failures) {
        String where = scope + " " + route.method() + " " + path;
        Answer answer = route.stream() ? stream(http, scope, path)
                : route.csv() ? csv(scope, path) : send(http, route.method(), path, route.pattern());
        if (named == null && answer.status() == 200) {
            listsRead++;
            csvRead += route.csv() ? 1 : 0;
        }
        for (String secret : bSecrets) {
            if ((named == null || !named.contains(secret)) && answer.text().contains(secret)) {
                failures.add(where + ": answer holds B's " + secret + " → " + answer);
            }
        }
        if (named != null && answer.status() < 400) {
            failures.add(where + ": B's resource answered " + answer);
        }
        if (named != null && !expected(scope, route).contains(answer.status())) {
            failures.add(where + ": " + answer.status() + " instead of " + expected(scope, route) + " → " + answer);
        }
        if (answer.status() >= 500) {
            failures.add(where + ": " + answer);
        }
    }

    /** 404 where B's resource is named; the scope's or the operator's 403, which comes before any lookup. */
    private static Set<Integer> expected(Scope scope, Route route) {
        if (route.pattern().startsWith("/api/v4/accounts")) {
            return Set.of(403);
        }
        boolean admin = route.pattern().startsWith("/api/v4/api_key") || route.pattern().startsWith("/api/v4/dead")
                || route.pattern().endsWith("/erasure") || route.pattern().endsWith("/transfer_ownership");
        boolean writes = !route.method().equals("GET");
        if (scope == Scope.READ && writes || scope != Scope.ADMIN && admin) {
            return Set.of(403, 404);
        }
        if (route.key().equals("DELETE /api/v4/users/{id}")) {
            return Set.of(405); // never supported, whatever the id: the seed's "delete the account user instead"
        }
        if (route.params().size() > 1) {
            return Set.of(404, 422); // as_of and as_of_version together: refused before the lookup
        }
        return Set.of(404);
    }

    private boolean sweepable(Route route) {
        return ID_VARIABLES.containsAll(variables(route.pattern()).stream().filter(v -> !v.equals("answer")).toList());
    }

    private List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues()
                    : info.getPathPatternsCondition().getPatterns().stream().map(PathPattern::getPatternString)
                    .collect(java.util.stream.Collectors.toSet());
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            Map<String, String> params = new LinkedHashMap<>();
            info.getParamsCondition().getExpressions().forEach(e -> params.put(e.getName(),
                    e.getName().equals("as_of") ? Instant.now().toString() : "0"));
            boolean stream = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(type -> type.toString().equals("text/event-stream"));
            boolean csv = info.getProducesCondition().getProducibleMediaTypes().stream()
                    .anyMatch(type -> type.toString().equals(CsvExport.MEDIA_TYPE));
            for (String pattern : patterns) {
                if (methods.isEmpty()) {
                    routes.add(new Route("*", pattern, params, stream, csv));
                }
                for (RequestMethod method : methods) {
                    routes.add(new Route(method.name(), pattern, params, stream, csv));
                }
            }
        }
        return routes;
    }

    private static List<String> variables(String pattern) {
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("\\{([^}/]+)}").matcher(pattern);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    private static String query(Map<String, String> params) {
        StringBuilder query = new StringBuilder();
        params.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
        return query.toString();
    }

    private record Answer(int status, String text) {
        @Override
        public String toString() {
            return status + " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    /** A body the route takes from its own account, so that the request reaches the lookup of the id. */
    private static String body(String method, String pattern) {
        if (method.equals("GET") || method.equals("DELETE")) {
            return null;
        }
        if (pattern.endsWith("/roles")) {
            return "{\"roles\": [\"admin\"]}";
        }
        if (pattern.startsWith("/api/v4/account_users/") && !pattern.endsWith("ownership")) {
            return "{\"user_attributes\": {\"name\": \"Swept\"}}";
        }
        if (pattern.equals("/api/v4/users/{id}")) {
            return "{\"name\": \"Swept\"}";
        }
        return "{}";
    }

    private static Answer send(Http http, String method, String path, String pattern) {
        String body = body(method, pattern);
        Http.Response response = http.send(method, path, body, body == null ? null : "application/json");
        return new Answer(response.status(), response.text() == null ? "" : response.text());
    }

    /** An export, asked for as CSV (the JSON route of the same path is swept on its own). */
    private Answer csv(Scope scope, String path) {
        HeaderHttp.Answer answer = new HeaderHttp(port, keys.get(scope)).send("GET", path, null,
                Map.of("Accept", CsvExport.MEDIA_TYPE));
        String type = answer.header("Content-Type");
        if (answer.status() == 200 && (type == null || !type.startsWith(CsvExport.MEDIA_TYPE))) {
            return new Answer(599, "a CSV route answered " + type + ": " + answer.text());
        }
        return new Answer(answer.status(), answer.text() == null ? "" : answer.text());
    }

    /**
     * The stream from the start, read until A's own user's creation has come (so the stream did hand out what it
     * had) or the status says it never started.
     */
    private Answer stream(Http http, Scope scope, String path) {
        String key = keys.get(scope);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
                        + (path.contains("?") ? "&" : "?") + "after=0"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            StringBuilder text = new StringBuilder();
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    return new Answer(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                CompletableFuture<Void> reading = CompletableFuture.runAsync(() -> {
                    byte[] buffer = new byte[8192];
                    try {
                        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                            synchronized (text) {
                                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                            }
                        }
                    } catch (IOException closed) {
                        // the test closed the stream
                    }
                });
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    synchronized (text) {
                        return text.indexOf(aUser.toString()) >= 0;
                    }
                });
                reading.cancel(true);
            }
            synchronized (text) {
                return new Answer(200, text.toString());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private final Map<Scope, String> keys = new LinkedHashMap<>();

    private Http client(UUID account, Scope scope) {
        String secret = apiKeys.issue(account, "sweep " + scope.json(), null, scope, null, false).secret();
        if (account.equals(a)) {
            keys.put(scope, secret);
        }
        return new Http(port, secret);
    }

    private long bEventCount() {
        return jdbc.queryForObject("select count(*) from event_index where account_id = ?", Long.class, b);
    }

    private static String hex(UUID id) {
        return id.toString().replace("-", "");
    }
}
