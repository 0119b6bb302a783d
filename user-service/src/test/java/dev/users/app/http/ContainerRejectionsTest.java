package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import dev.users.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container, Spring MVC or the request readers reject before any command or query runs: each is a
 * 4xx in the error format of the path's surface (v4 {@code {"errors":[…],"code":N}}, v3 {@code {"error":"…"}}
 * as IMCO's clients read it, see {@link ErrorFormats}), whether the application answers it or Tomcat does before the request reaches the application
 * (malformed request lines, paths and headers, oversized headers: {@code JsonErrorReportValve}).
 */
class ContainerRejectionsTest extends ApiTest {

    private static final String AUTH = "Authorization: Bearer " + BOOTSTRAP_KEY;
    private static final String JSON = "Content-Type: application/json";
    private static final String FORM = "Content-Type: application/x-www-form-urlencoded";

    /** One request as sent on the wire, and the status it must get. */
    record Case(String name, String requestLine, String headers, byte[] body, int status) {

        Case(String name, String requestLine, String headers, String body, int status) {
            this(name, requestLine, headers, body.getBytes(StandardCharsets.ISO_8859_1), status);
        }

        boolean v3() {
            return requestLine.contains(" /v3/");
        }
    }

    private static String parameters(int count) {
        return IntStream.range(0, count).mapToObj(i -> "p" + i + "=1").collect(Collectors.joining("&"));
    }

    private static List<Case> cases() {
        String big = "{\"name\": \"" + "a".repeat(1_100_000) + "\"}";
        String chunkedBig = Integer.toHexString(big.length()) + "\r\n" + big + "\r\n0\r\n\r\n";
        List<Case> cases = new ArrayList<>(List.of(
                new Case("form with more than 1,000 parameters", "POST /api/v4/users HTTP/1.1", AUTH + "\n" + FORM,
                        parameters(1_001), 400),
                new Case("query with more than 1,000 parameters", "GET /api/v4/users?" + parameters(1_001) + " HTTP/1.1",
                        AUTH, "", 400),
                new Case("v3 query with more than 1,000 parameters",
                        "GET /v3/settings/users?" + parameters(1_001) + " HTTP/1.1", AUTH, "", 400),
                new Case("malformed %-escape in the query", "GET /api/v4/users?name=%zz HTTP/1.1", AUTH, "", 400),
                new Case("malformed %-escape in a form body", "POST /api/v4/users HTTP/1.1", AUTH + "\n" + FORM,
                        "name=%zz&email=a@example.com", 400),
                new Case("form body that is not UTF-8", "POST /api/v4/users HTTP/1.1", AUTH + "\n" + FORM,
                        "name=%ff%fe&email=a@example.com", 400),
                new Case("query that is not UTF-8 (CESU-8 surrogate)", "GET /api/v4/users?name=%ED%A0%80 HTTP/1.1",
                        AUTH, "", 400),
                new Case("JSON body that is not UTF-8", "POST /api/v4/users HTTP/1.1", AUTH + "\n" + JSON,
                        "{\"name\": \"\u00ff\u00fe\", \"email\": \"a@example.com\"}", 400),
                new Case("malformed %-escape in the path", "GET /api/v4/users/%zz HTTP/1.1", AUTH, "", 400),
                new Case("v3: malformed %-escape in the path", "GET /v3/settings/users/%zz HTTP/1.1", AUTH, "", 400),
                new Case("encoded NUL in the path", "GET /api/v4/users/a%00b HTTP/1.1", AUTH, "", 400),
                new Case("encoded '/' in the path", "GET /api/v4/users/a%2Fb HTTP/1.1", AUTH, "", 400),
                new Case("overlong UTF-8 in the path", "GET /v3/settings/users/%C0%80 HTTP/1.1", AUTH, "", 400),
                new Case("headers over 8 KB", "GET /api/v4/users HTTP/1.1", AUTH + "\nX-Big: " + "a".repeat(20_000), "",
                        400),
                new Case("unencoded '{' in the request target", "GET /api/v4/users?a={ HTTP/1.1", AUTH, "", 400),
                new Case("control byte in a header", "GET /api/v4/users HTTP/1.1", AUTH + "\nX-A: a\u0001b", "", 400),
                new Case("two Host headers", "GET /api/v4/users HTTP/1.1", AUTH + "\nHost: second", "", 400),
                new Case("two Authorization headers, the first one valid", "GET /api/v4/users HTTP/1.1",
                        AUTH + "\nAuthorization: Bearer usk_another", "", 401),
                new Case("v3: the same Authorization header twice", "GET /v3/settings/users HTTP/1.1",
                        AUTH + "\n" + AUTH, "", 401),
                new Case("Content-Length that is not a number", "POST /api/v4/users HTTP/1.1",
                        AUTH + "\n" + JSON + "\nContent-Length: abc", "", 400),
                new Case("transfer coding Tomcat does not speak (its 501)", "POST /api/v4/users HTTP/1.1",
                        AUTH + "\n" + JSON + "\nTransfer-Encoding: gzip", "", 400),
                new Case("HTTP version Tomcat does not speak (its 505)", "GET /v3/settings/users HTTP/2.0", AUTH, "",
                        400),
                new Case("malformed chunked body", "POST /api/v4/users HTTP/1.1",
                        AUTH + "\n" + JSON + "\nTransfer-Encoding: chunked", "zz\r\n{}\r\n0\r\n\r\n", 400),
                new Case("multipart body", "POST /api/v4/users HTTP/1.1",
                        AUTH + "\nContent-Type: multipart/form-data; boundary=xx", "--xx\r\ngarbage", 415),
                new Case("Content-Type that does not parse", "POST /v3/settings/users HTTP/1.1",
                        AUTH + "\nContent-Type: ;;;", "{}", 415),
                new Case("text/plain body", "PUT /api/v4/account_users/acu_00000000000040008000000000000000 HTTP/1.1",
                        AUTH + "\nContent-Type: text/plain", "{}", 415),
                new Case("Accept: text/html only", "GET /api/v4/users HTTP/1.1", AUTH + "\nAccept: text/html", "", 406),
                new Case("v3: Accept: text/html only", "GET /v3/settings/roles HTTP/1.1", AUTH + "\nAccept: text/html",
                        "", 406),
                new Case("Accept that does not parse", "GET /api/v4/sign_ins HTTP/1.1", AUTH + "\nAccept: ;;;", "", 406),
                new Case("an error asked for as text/html", "GET /api/v4/users/nobody HTTP/1.1",
                        AUTH + "\nAccept: text/html", "", 404),
                new Case("TRACE", "TRACE /api/v4/users HTTP/1.1", AUTH, "", 405),
                new Case("a method nobody knows", "FROB /v3/settings/users HTTP/1.1", AUTH, "", 405),
                new Case("JSON body over users.max-body-size", "POST /api/v4/users HTTP/1.1", AUTH + "\n" + JSON, big,
                        413),
                new Case("chunked JSON body over users.max-body-size", "POST /api/v4/users HTTP/1.1",
                        AUTH + "\n" + JSON + "\nTransfer-Encoding: chunked", chunkedBig, 413),
                new Case("form body over users.max-body-size", "POST /api/v4/users HTTP/1.1", AUTH + "\n" + FORM,
                        "name=" + "a".repeat(1_100_000), 413),
                new Case("Expect that is not 100-continue", "POST /api/v4/users HTTP/1.1",
                        AUTH + "\n" + JSON + "\nExpect: teapot", "{}", 417),
                new Case("Boot's /error asked for directly", "GET /error HTTP/1.1", AUTH, "", 404),
                new Case("a path that does not exist", "GET /api/v4/nothing/here HTTP/1.1", AUTH, "", 404)));
        return cases;
    }

    @Test
    void everyRejectionIsA4xxInTheSurfacesErrorFormat() {
        RawHttp raw = new RawHttp(port);
        List<String> wrong = new ArrayList<>();
        for (Case c : cases()) {
            Http.Response response = raw.send(c.requestLine(), c.headers(), c.body());
            String problem = check(c, response);
            if (problem != null) {
                wrong.add(c.name() + ": " + problem + " — got " + abbreviated(response));
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Null when the answer is right, else what is wrong with it. */
    private static String check(Case c, Http.Response response) {
        if (response.status() != c.status()) {
            return "expected status " + c.status();
        }
        return c.v3() ? ErrorFormats.v3Problem(response) : ErrorFormats.v4Problem(response);
    }

    private static String abbreviated(Http.Response response) {
        String text = response.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
