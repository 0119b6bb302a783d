package dev.users.app.versions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Real HTTP with request headers in and response headers out: what the conditional-request tests need. */
final class TaggedHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String key;

    TaggedHttp(int port, String key) {
        this.port = port;
        this.key = key;
    }

    record Answer(int status, String text, String etag) {

        JsonNode json() {
            return text == null || text.isEmpty() ? null : JSON.readTree(text);
        }

        /** The version an ETag {@code "7"} names. */
        long version() {
            return Long.parseLong(etag.replace("\"", ""));
        }

        @Override
        public String toString() {
            return status + " ETag=" + etag + " " + text;
        }
    }

    Answer send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(),
                    response.headers().firstValue("ETag").orElse(null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Answer get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }
}
