package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import dev.users.app.support.ImcoClients;
import dev.users.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every error the v3 surface can give, decoded as IMCO's own clients decode it ({@link ImcoClients}: cio's
 * {@code CheckStandardStatus} and the older concerto's regular expressions): each is in the shape its status calls
 * for ({@code {"errors":{"<field>":["…"]}}} for a 422, {@code {"error":"…"}} otherwise, see {@link ErrorFormats}),
 * decodes to a message of its own without the panic cio hits on anything else, and a 422 keys each problem by
 * the field it is about.
 */
class V3ErrorsTest extends ApiTest {

    private static final String USERS = "/v3/settings/users";
    private static final String AUTH = "Authorization: Bearer " + BOOTSTRAP_KEY;
    private static final String JSON = "Content-Type: application/json";

    /** A request, the status it must get and, for a 422, the fields its errors must be keyed by. */
    record Case(String name, Supplier<Http.Response> request, int status, List<String> fields) {
    }

    private final List<Case> cases = new ArrayList<>();

    private void add(String name, int status, Supplier<Http.Response> request) {
        cases.add(new Case(name, request, status, List.of()));
    }

    private void invalid(String name, Supplier<Http.Response> request, String... fields) {
        cases.add(new Case(name, request, 422, List.of(fields)));
    }

    private Http.Response create(Object body) {
        return api().post(USERS, body);
    }

    private static Map<String, Object> valid(Object... overrides) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("first_name", "Dale", "last_name", "Gribble",
                "role_ids", List.of("admin")));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    private Http.Response raw(String requestLine, String headers, String body) {
        return new RawHttp(port).send(requestLine, headers, body.getBytes(StandardCharsets.ISO_8859_1));
    }

    private void createValidation() {
        invalid("create without anything", () -> create(Map.of()), "first_name", "last_name", "role_ids");
        invalid("blank names", () -> create(valid("first_name", " ", "last_name", "")), "first_name", "last_name");
        invalid("first_name too long", () -> create(valid("first_name", "a".repeat(121))), "first_name");
        invalid("last_name not a string", () -> create(valid("last_name", Map.of("a", 1))), "last_name");
        invalid("role_ids empty", () -> create(valid("role_ids", List.of())), "role_ids");
        invalid("role_ids not an array", () -> create(valid("role_ids", "admin")), "role_ids");
        invalid("role_ids holding an object", () -> create(valid("role_ids", List.of(Map.of()))), "role_ids");
        invalid("unknown role ids", () -> create(valid("role_ids", List.of("admin", "astronaut", "pilot"))),
                "role_ids");
        invalid("unknown language", () -> create(valid("language", "xx-YY")), "language");
        invalid("language too long", () -> create(valid("language", "e".repeat(36))), "language");
        invalid("unknown time zone", () -> create(valid("timezone", "Atlantis")), "timezone");
        invalid("invalid email", () -> create(valid("email", "not-an-address")), "email");
        invalid("invalid phone", () -> create(valid("phone", "12")), "phone");
        invalid("everything wrong at once", () -> create(Map.of("first_name", List.of(), "role_ids",
                List.of("astronaut"), "language", "xx", "timezone", "Nowhere", "email", "@", "phone", "x")),
                "first_name", "last_name", "role_ids", "language", "timezone", "email", "phone");
        invalid("NUL in first_name", () -> create("{\"first_name\": \"a\\u0000\", \"last_name\": \"b\", "
                + "\"role_ids\": [\"admin\"]}"), "first_name");
        invalid("newline in a role id", () -> create("{\"first_name\": \"a\", \"last_name\": \"b\", "
                + "\"role_ids\": [\"admin\", \"x\\ny\"]}"), "role_ids[1]");
        invalid("lone surrogate in timezone", () -> create("{\"first_name\": \"a\", \"last_name\": \"b\", "
                + "\"role_ids\": [\"admin\"], \"timezone\": \"\\ud800\"}"), "timezone");
        invalid("bidi override in email", () -> create(valid("email", "a\u202e@example.com")), "email");
        invalid("refused character in a form field", () -> api().send("POST", USERS,
                "first_name=a%01&last_name=b&role_ids[]=admin", "application/x-www-form-urlencoded"), "first_name");
    }

    private void roleCreation() {
        invalid("role without a name", () -> api().post("/v3/settings/roles", Map.of("description", "x")), "name");
        invalid("role name with spaces", () -> api().post("/v3/settings/roles", Map.of("name", "Has Spaces")),
                "name");
        invalid("role description with NUL", () -> api().post("/v3/settings/roles",
                "{\"name\": \"nul-desc\", \"description\": \"\\u0000\"}"), "description");
        invalid("role description too long", () -> api().post("/v3/settings/roles",
                Map.of("name", "long-desc", "description", "d".repeat(501))), "description");
    }

    private void readsAndPaths() {
        for (String query : List.of("limit=0", "limit=101", "limit=ten", "limit=1&limit=2")) {
            invalid("paging " + query, () -> api().get(USERS + "?" + query), "limit");
        }
        invalid("paging offset=-1", () -> api().get(USERS + "?offset=-1"), "offset");
        invalid("paging limit=0&offset=x", () -> api().get(USERS + "?limit=0&offset=x"), "limit", "offset");
        invalid("NUL in a query parameter", () -> api().get(USERS + "?offset=%00"), "offset");
        invalid("control character in a query parameter's name", () -> api().get(USERS + "?a%01=1"), "base");
        invalid("control character in a path id", () -> api().get(USERS + "/usr_%01"), "id");
        invalid("control character in a deleted id", () -> api().delete(USERS + "/%1B"), "id");
        add("unknown user", 404, () -> api().get(USERS + "/" + UUID.randomUUID()));
        add("not an id", 404, () -> api().get(USERS + "/nobody"));
        add("deleting an unknown user", 404, () -> api().delete(USERS + "/nobody"));
        add("another account's user", 404, () -> {
            String id = create(valid()).json().path("id").asString();
            return otherAccount().get(USERS + "/" + id);
        });
        add("a v3 path that does not exist", 404, () -> api().get("/v3/settings/nothing"));
    }

    private void refusals() {
        add("no API key", 401, () -> api().withKey(null).get(USERS));
        add("unknown API key", 401, () -> api().withKey("usk_nope").get("/v3/settings/roles"));
        add("malformed Authorization", 401, () -> api().withKey("").post(USERS, valid()));
        add("a role added by a key that is not an admin key", 403,
                () -> nonAdmin().post("/v3/settings/roles", Map.of("name", "sneaky")));
        add("update (IMCO documents none)", 405, () -> api().put(USERS + "/nobody", valid()));
        add("PATCH on the collection", 405, () -> api().send("PATCH", USERS, "{}", "application/json"));
        add("Accept: text/html only", 406, () -> raw("GET /v3/settings/roles HTTP/1.1",
                AUTH + "\nAccept: text/html", ""));
        add("taken email", 409, () -> {
            String email = uniqueEmail("v3-taken");
            create(valid("email", email));
            return create(valid("email", email));
        });
        add("role that exists", 409, () -> api().post("/v3/settings/roles", Map.of("name", "admin")));
        add("body over users.max-body-size", 413, () -> create("{\"first_name\": \"" + "a".repeat(1_100_000) + "\"}"));
        add("text/plain body", 415, () -> api().send("POST", USERS, "{}", "text/plain"));
        add("multipart body", 415, () -> api().send("POST", USERS, "--xx\r\n", "multipart/form-data; boundary=xx"));
        add("malformed JSON", 400, () -> create("{\"first_name\": "));
        add("a JSON array", 400, () -> create("[1, 2]"));
        add("conflicting form parameters", 400, () -> api().send("POST", USERS, "role_ids=a&role_ids[x]=b",
                "application/x-www-form-urlencoded"));
    }

    private void containerRejections() {
        String many = IntStream.range(0, 1_001).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
        add("more than 1,000 query parameters", 400, () -> raw("GET " + USERS + "?" + many + " HTTP/1.1", AUTH, ""));
        add("malformed %-escape in the path", 400, () -> raw("GET " + USERS + "/%zz HTTP/1.1", AUTH, ""));
        add("encoded NUL in the path", 400, () -> raw("GET " + USERS + "/a%00b HTTP/1.1", AUTH, ""));
        add("overlong UTF-8 in the path", 400, () -> raw("GET " + USERS + "/%C0%80 HTTP/1.1", AUTH, ""));
        add("headers over 8 KB", 400, () -> raw("GET " + USERS + " HTTP/1.1",
                AUTH + "\nX-Big: " + "a".repeat(20_000), ""));
        add("HTTP version Tomcat does not speak", 400, () -> raw("GET " + USERS + " HTTP/2.0", AUTH, ""));
        add("transfer coding Tomcat does not speak", 400, () -> raw("POST " + USERS + " HTTP/1.1",
                AUTH + "\n" + JSON + "\nTransfer-Encoding: gzip", ""));
        add("malformed chunked body", 400, () -> raw("POST " + USERS + " HTTP/1.1",
                AUTH + "\n" + JSON + "\nTransfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n"));
        add("a method nobody knows", 405, () -> raw("FROB " + USERS + " HTTP/1.1", AUTH, ""));
        add("TRACE", 405, () -> raw("TRACE " + USERS + " HTTP/1.1", AUTH, ""));
        add("Expect that is not 100-continue", 417, () -> raw("POST " + USERS + " HTTP/1.1",
                AUTH + "\n" + JSON + "\nExpect: teapot", "{}"));
    }

    @Test
    void everyV3ErrorDecodesAsImcosClientsReadIt() {
        createValidation();
        roleCreation();
        readsAndPaths();
        refusals();
        containerRejections();

        List<String> wrong = new ArrayList<>();
        for (Case c : cases) {
            Http.Response response = c.request().get();
            String problem = check(c, response);
            if (problem != null) {
                String text = response.toString();
                wrong.add(c.name() + ": " + problem + " — got " + (text.length() > 300 ? text.substring(0, 300) : text));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(cases).hasSizeGreaterThan(60);
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String check(Case c, Http.Response response) {
        if (response.status() != c.status()) {
            return "expected status " + c.status();
        }
        String format = ErrorFormats.v3Problem(response);
        if (format != null) {
            return format;
        }
        if (c.status() == 422) {
            List<String> keys = List.copyOf(ImcoClients.fieldErrors(response).keySet());
            if (!keys.equals(c.fields())) {
                return "errors keyed by " + keys + ", expected " + c.fields();
            }
        } else {
            String message = ImcoClients.error(response);
            String concerto = ImcoClients.bracketed(ImcoClients.concerto(response.status(), response.text()));
            if (!message.contains("\"") && !message.contains("\\") && !concerto.equals(message)) {
                return "concerto reads '" + concerto + "', not the message";
            }
        }
        return null;
    }

    @Test
    void cioAndConcertoPrintWhatTheyPrintForARailsApi() {
        var response = create(Map.of("first_name", "Luanne", "role_ids", List.of("astronaut")));

        assertThat(response.status()).isEqualTo(422);
        assertThat(ImcoClients.cio(422, response.text())).isEqualTo("HTTP request failed: (422) "
                + "[#last_name:is required#role_ids:role 'astronaut' does not exist in this account]");
        assertThat(ImcoClients.concerto(422, response.text()))
                .isEqualTo("HTTP request failed: (422) [last_name is required]");

        var missing = api().get(USERS + "/nobody");
        assertThat(missing.text()).isEqualTo("{\"error\":\"user nobody not found\"}");
        assertThat(ImcoClients.cio(404, missing.text())).isEqualTo("HTTP request failed: (404) [user nobody not found]");
        assertThat(ImcoClients.concerto(404, missing.text()))
                .isEqualTo("HTTP request failed: (404) [user nobody not found]");
    }

    @Test
    void theOldV3ShapeWouldHaveMadeCioPanic() {
        String before = "{\"status\":422,\"errors\":[{\"message\":\"first_name is required\"}]}";
        assertThatThrownBy(() -> ImcoClients.cio(422, before))
                .isInstanceOf(ImcoClients.GoPanic.class);
        assertThatThrownBy(() -> ImcoClients.cio(422, "{\"errors\":{\"a\":\"b\"}}"))
                .isInstanceOf(ImcoClients.GoPanic.class);
        assertThatThrownBy(() -> ImcoClients.cio(401, "{\"error\":{\"a\":1}}"))
                .isInstanceOf(ImcoClients.GoPanic.class);
        assertThat(ImcoClients.concerto(422, before)).isEqualTo("HTTP request failed: (422) [" + before + "]");
    }

    @Test
    void v4ErrorsKeepTheirShapeAndTexts() {
        var response = api().post("/api/v4/users", Map.of("email", "not-an-address"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text()).startsWith("{\"errors\":[{\"message\":\"name is required\"},"
                + "{\"message\":\"email 'not-an-address' is not a valid email address\"}],\"code\":422,"
                + "\"request_id\":\"");
    }
}
