package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.ErrorFormats;
import dev.users.app.support.Http;
import dev.users.app.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer carries the request's id in {@code X-Request-Id} (the client's, or one made up), every v4 error body
 * carries it as {@code request_id}, v3's keeps IMCO's one-key shape, and log lines written during the request show it.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @Autowired
    LoggingSystem logging;

    @Test
    void theClientsIdIsEchoedInTheHeaderAndTheV4ErrorBody() throws Exception {
        String id = "req-" + UUID.randomUUID();
        HttpResponse<String> response = get("/api/v4/users", id, null);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("X-Request-Id")).contains(id);
        assertThat(JSON.readTree(response.body()).path("request_id").asString()).isEqualTo(id);
        assertThat(ErrorFormats.v4Problem(new Http.Response(401, response.body()))).isNull();
    }

    @Test
    void anAnswerWithoutAnErrorCarriesTheIdToo() throws Exception {
        String id = "req-" + UUID.randomUUID();
        HttpResponse<String> response = get("/api/v4/users", id, BOOTSTRAP_KEY);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Request-Id")).contains(id);
        assertThat(get("/actuator/health", id, null).headers().firstValue("X-Request-Id")).contains(id);
    }

    @Test
    void aMissingOrUnusableIdIsReplacedByARandomOne() throws Exception {
        for (String given : new String[] {null, "x".repeat(201), "   "}) {
            HttpResponse<String> response = get("/api/v4/users/" + UUID.randomUUID(), given, BOOTSTRAP_KEY);
            assertThat(response.statusCode()).isEqualTo(404);
            String made = response.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(UUID.fromString(made)).isNotNull();
            assertThat(JSON.readTree(response.body()).path("request_id").asString()).isEqualTo(made);
        }
    }

    @Test
    void v3ErrorsCarryTheIdInTheHeaderOnlyAndKeepImcosShape() throws Exception {
        String id = "req-" + UUID.randomUUID();
        HttpResponse<String> response = get("/v3/settings/users/" + UUID.randomUUID(), id, BOOTSTRAP_KEY);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("X-Request-Id")).contains(id);
        assertThat(ErrorFormats.v3Problem(new Http.Response(404, response.body()))).isNull();
        assertThat(response.body()).doesNotContain(id);
    }

    @Test
    void whatTomcatRefusesBeforeAnyFilterGetsAnIdAsWell() {
        Http.Response response = new RawHttp(port).send("GET /api/v4/users/%zz HTTP/1.1", "", new byte[0]);
        assertThat(response.status()).isEqualTo(400);
        assertThat(ErrorFormats.v4Problem(response)).isNull();
    }

    @Test
    void logLinesWrittenDuringTheRequestShowItsId(CapturedOutput output) throws Exception {
        String id = "req-" + UUID.randomUUID();
        logging.setLogLevel("org.springframework.web.servlet.DispatcherServlet", LogLevel.DEBUG);
        try {
            assertThat(get("/api/v4/users", id, BOOTSTRAP_KEY).statusCode()).isEqualTo(200);
        } finally {
            logging.setLogLevel("org.springframework.web.servlet.DispatcherServlet", null);
        }
        assertThat(output.getOut().lines().filter(line -> line.contains("DispatcherServlet")))
                .isNotEmpty().allSatisfy(line -> assertThat(line).contains("[" + id + "]"));
    }

    private HttpResponse<String> get(String path, String requestId, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
