package dev.users.app.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Real HTTP with request headers in and response headers out: for ETags, conditional requests and idempotency keys. */
public final class HeaderHttp {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final String key;

    public HeaderHttp(int port, String key) {
        this.port = port;
        this.key = key;
    }

    public record Answer(int status, String text, HttpHeaders headers) {

        public String etag() {
            return header("ETag");
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return text == null || text.isEmpty() ? null : JSON.readTree(text);
        }

        /** The version an ETag {@code "7"} names. */
        public long version() {
            return Long.parseLong(etag().replace("\"", ""));
        }

        @Override
        public String toString() {
            return status + " ETag=" + etag() + " " + text;
        }
    }

    public Answer send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : JSON.writeValueAsString(body)));
        if (body != null && !headers.containsKey("Content-Type")) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code count} requests at once, one per thread, and returns their answers in index order. */
    public static List<Answer> concurrently(int count, IntFunction<Answer> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Callable<Answer>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(() -> request.apply(index));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : pool.invokeAll(calls)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    public Answer get(String path, Map<String, String> headers) {
        return send("GET", path, null, headers);
    }
}
