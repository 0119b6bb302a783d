package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CORS on both surfaces, over real HTTP as a browser sends it. The test profile allows
 * {@code https://app.example.com} and {@code https://*.example.org} (the default, {@code *}, is checked by
 * {@code MutualTlsIT} on a service started with its defaults).
 */
class CrossOriginTest extends ApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final String APP = "https://app.example.com";

    private HttpResponse<String> send(String method, String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> preflight(String path, String origin, String method, String headers)
            throws Exception {
        return send("OPTIONS", path, "Origin", origin, "Access-Control-Request-Method", method,
                "Access-Control-Request-Headers", headers);
    }

    private static List<String> listed(HttpResponse<String> response, String header) {
        return response.headers().allValues(header).stream()
                .flatMap(value -> Arrays.stream(value.split(","))).map(String::trim).toList();
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAKeyOnBothSurfaces() throws Exception {
        for (String path : List.of("/api/v4/users", "/api/v4/account_users/acu_x", "/v3/settings/users")) {
            HttpResponse<String> response = preflight(path, APP, "POST",
                    "authorization, content-type, idempotency-key, x-request-id");

            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(path).hasValue(APP);
            assertThat(listed(response, "Access-Control-Allow-Methods"))
                    .containsExactlyInAnyOrder("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");
            assertThat(listed(response, "Access-Control-Allow-Headers")).map(String::toLowerCase)
                    .contains("authorization", "content-type", "idempotency-key", "x-request-id");
            assertThat(response.headers().firstValue("Access-Control-Max-Age")).hasValue("3600");
            assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
            assertThat(response.body()).isEmpty();
        }
    }

    @Test
    void anOriginMatchingAPatternIsAllowed() throws Exception {
        HttpResponse<String> response = preflight("/api/v4/users", "https://admin.example.org", "DELETE",
                "authorization");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://admin.example.org");
    }

    @Test
    void anAllowedRequestCarriesTheCorsHeadersOnSuccessesAndErrors() throws Exception {
        HttpResponse<String> ok = send("GET", "/api/v4/users?limit=1", "Origin", APP,
                "Authorization", "Bearer " + BOOTSTRAP_KEY);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(listed(ok, "Access-Control-Expose-Headers")).containsExactlyInAnyOrder("Location", "ETag",
                "X-Request-Id", "Retry-After", "RateLimit", "RateLimit-Policy");
        assertThat(listed(ok, "Vary")).contains("Origin");

        HttpResponse<String> unauthorized = send("GET", "/v3/settings/users", "Origin", APP);
        assertThat(unauthorized.statusCode()).isEqualTo(401);
        assertThat(unauthorized.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);

        HttpResponse<String> missing = send("GET", "/api/v4/users/nobody", "Origin", APP,
                "Authorization", "Bearer " + BOOTSTRAP_KEY);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
    }

    @Test
    void aDisallowedOriginGetsNoCorsHeadersAndA403InTheSurfacesFormat() throws Exception {
        for (String origin : List.of("https://evil.example.net", "http://app.example.com", "https://example.org")) {
            HttpResponse<String> v4 = preflight("/api/v4/users", origin, "GET", "authorization");
            assertThat(v4.statusCode()).as(origin).isEqualTo(403);
            assertThat(v4.headers().firstValue("Access-Control-Allow-Origin")).as(origin).isEmpty();
            assertThat(ErrorFormats.v4Problem(response(v4))).isNull();

            HttpResponse<String> v3 = preflight("/v3/settings/users", origin, "GET", "authorization");
            assertThat(v3.statusCode()).isEqualTo(403);
            assertThat(v3.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
            assertThat(ErrorFormats.v3Problem(response(v3))).isNull();
            assertThat(v3.body()).isEqualTo("{\"error\":\"cross-origin requests from this origin are not allowed\"}");

            HttpResponse<String> actual = send("GET", "/api/v4/users", "Origin", origin,
                    "Authorization", "Bearer " + BOOTSTRAP_KEY);
            assertThat(actual.statusCode()).isEqualTo(403);
            assertThat(actual.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        }
    }

    @Test
    void aPreflightForAMethodOrHeaderTheApiDoesNotTakeIsA403() throws Exception {
        HttpResponse<String> method = preflight("/api/v4/users", APP, "TRACE", "authorization");
        assertThat(method.statusCode()).isEqualTo(403);
        assertThat(method.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response(method).json().path("errors").get(0).path("message").asString())
                .isEqualTo("cross-origin requests may use GET, HEAD, POST, PUT, PATCH, DELETE only");

        HttpResponse<String> unknown = send("FROB", "/v3/settings/users", "Origin", APP,
                "Authorization", "Bearer " + BOOTSTRAP_KEY);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(response(unknown).json().path("error").asString())
                .isEqualTo("cross-origin requests may use GET, HEAD, POST, PUT, PATCH, DELETE only");
        HttpResponse<String> head = send("HEAD", "/api/v4/users?limit=1", "Origin", APP,
                "Authorization", "Bearer " + BOOTSTRAP_KEY);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);

        HttpResponse<String> header = preflight("/v3/settings/users", APP, "GET", "x-secret");
        assertThat(header.statusCode()).isEqualTo(403);
        assertThat(response(header).json().path("error").asString()).startsWith("cross-origin requests may send");

        // Spring's rule: a preflight answer names the requested headers that are allowed; the browser then refuses
        // to send the others
        HttpResponse<String> some = preflight("/v3/settings/users", APP, "GET", "authorization, x-secret");
        assertThat(some.statusCode()).isEqualTo(200);
        assertThat(listed(some, "Access-Control-Allow-Headers")).map(String::toLowerCase)
                .containsExactly("authorization");
    }

    @Test
    void requestsWithoutAnOriginAreUntouched() throws Exception {
        HttpResponse<String> plain = send("GET", "/api/v4/users?limit=1", "Authorization", "Bearer " + BOOTSTRAP_KEY);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        // an OPTIONS that is no preflight still needs a key
        assertThat(send("OPTIONS", "/api/v4/users").statusCode()).isEqualTo(401);
        // and the health endpoint is no surface: no CORS there
        HttpResponse<String> health = send("GET", "/actuator/health", "Origin", "https://evil.example.net");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void aCrossOriginWriteWorksEndToEnd() throws IOException, InterruptedException {
        HttpResponse<String> created = CLIENT.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v4/users"))
                .header("Origin", APP).header("Authorization", "Bearer " + BOOTSTRAP_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\": \"Cross Origin\", \"email\": \"" + uniqueEmail("cors") + "\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Access-Control-Allow-Origin")).hasValue(APP);
        assertThat(created.headers().firstValue("Location")).isPresent();
    }

    private static Http.Response response(HttpResponse<String> response) {
        return new Http.Response(response.statusCode(), response.body());
    }
}
