package dev.users.app.openapi;

import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import dev.users.app.openapi.ApiDocument.Operation;
import dev.users.app.support.ApiTest;
import dev.users.app.deadletters.InjectedFaults;
import dev.users.app.support.HeaderHttp;
import dev.users.command.web.InvitationTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation's example, sent to the running service with a real key: its path (ids from {@link ExampleFixture},
 * made for the operation), every query and header parameter that has an example (so an operation's examples must go
 * together), and its request body's example. The answer must be one of the operation's documented successes (the
 * documented status where it has none, such as v4's DELETE of a user), and its body must match the schema the
 * description gives for that status and content type.
 */
class OpenApiExamplesTest extends ApiTest {

    private static final List<String> ORDER = List.of("POST", "GET", "PUT", "PATCH", "DELETE");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient STREAMS = HttpClient.newHttpClient();

    @Autowired
    private InvitationTokens tokens;

    @Autowired
    private InjectedFaults faults;

    @Test
    void everyExampleIsAcceptedAndAnsweredAsDescribed() {
        ApiDocument document = ApiDocument.fetch(port);
        SchemaRegistry schemas = document.schemas();
        ExampleFixture fixture = new ExampleFixture(port, accounts, apiKeys, tokens, faults);
        List<Operation> operations = new ArrayList<>(document.operations());
        operations.sort(Comparator.comparing(Operation::path).thenComparing(op -> ORDER.indexOf(op.method())));

        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Operation op : operations) {
            try {
                List<String> problems = check(document, schemas, op, fixture);
                failures.addAll(problems);
                checked++;
            } catch (RuntimeException | AssertionError e) {
                failures.add(op + ": " + e);
            }
        }
        assertThat(failures).as("operations whose example the service does not answer as described").isEmpty();
        assertThat(checked).as("operations whose answer was checked").isEqualTo(operations.size())
                .isGreaterThan(40);
    }

    private List<String> check(ApiDocument document, SchemaRegistry schemas, Operation op, ExampleFixture fixture) {
        List<JsonNode> parameters = new ArrayList<>();
        op.pathItem().path("parameters").forEach(p -> parameters.add(document.resolve(p)));
        op.node().path("parameters").forEach(p -> parameters.add(document.resolve(p)));

        fixture.next();
        StringBuilder path = new StringBuilder();
        Matcher variable = PATH_VARIABLE.matcher(op.path());
        while (variable.find()) {
            String name = variable.group(1);
            JsonNode parameter = parameters.stream().filter(p -> p.path("name").asString().equals(name)
                    && p.path("in").asString().equals("path")).findFirst()
                    .orElseThrow(() -> new AssertionError("path parameter " + name + " is not described"));
            variable.appendReplacement(path, Matcher.quoteReplacement(fixture.pathValue(name, parameter, document)));
        }
        variable.appendTail(path);
        List<String> query = new ArrayList<>();
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        for (JsonNode parameter : parameters) {
            JsonNode example = parameter.path("example");
            if (example.isMissingNode()) {
                continue;
            }
            String value = example.isString() ? example.asString() : example.toString();
            switch (parameter.path("in").asString()) {
                case "query" -> query.add(parameter.path("name").asString() + "="
                        + URLEncoder.encode(value, StandardCharsets.UTF_8));
                case "header" -> headers.put(parameter.path("name").asString(), value);
                default -> { }
            }
        }
        String target = path + (query.isEmpty() ? "" : "?" + String.join("&", query));
        String body = requestExample(document, op);
        String key = op.node().path("security").isArray() && op.node().path("security").isEmpty() ? null
                : op.path().startsWith("/api/v4/accounts") ? BOOTSTRAP_KEY : fixture.adminKey();

        JsonNode responses = op.node().path("responses");
        List<String> successes = new ArrayList<>();
        responses.propertyNames().forEach(status -> {
            if (status.startsWith("2")) {
                successes.add(status);
            }
        });
        List<String> expected = successes.isEmpty() ? new ArrayList<>(responses.propertyNames()) : successes;

        Answer answer = isStream(document, op) ? openStream(key, target)
                : answer(new HeaderHttp(port, key).send(op.method(), target, body, headers));
        List<String> problems = new ArrayList<>();
        String sent = op + " as " + op.method() + " " + target + (body == null ? "" : " " + body);
        if (!expected.contains(Integer.toString(answer.status()))) {
            problems.add(sent + ": answered " + answer.status() + " " + answer.text() + ", described " + expected);
            return problems;
        }
        String status = Integer.toString(answer.status());
        JsonNode response = responses.path(status);
        String location = response.has("$ref") ? ApiDocument.pointer(response.path("$ref").asString())
                : "/paths/" + ApiDocument.token(op.path()) + "/" + op.method().toLowerCase() + "/responses/" + status;
        JsonNode content = document.resolve(response).path("content");
        if (answer.text().isEmpty()) {
            if (!content.isEmpty()) {
                problems.add(sent + ": answered " + status + " without a body; described " + content.propertyNames());
            }
            return problems;
        }
        String type = answer.contentType();
        if (!content.has(type)) {
            problems.add(sent + ": answered " + status + " " + type + ", described " + content.propertyNames());
            return problems;
        }
        if (type.endsWith("json")) {
            String schema = location + "/content/" + ApiDocument.token(type) + "/schema";
            List<Error> errors = schemas.getSchema(ApiDocument.at(schema)).validate(JSON.readTree(answer.text()));
            errors.forEach(error -> problems.add(sent + ": the answer " + status + " does not match its schema: "
                    + error + " in " + answer.text()));
        }
        return problems;
    }

    /** The request body's example (the first of {@code examples} where there is no {@code example}), as JSON. */
    static String requestExample(ApiDocument document, Operation op) {
        JsonNode media = document.resolve(op.node().path("requestBody")).path("content").path("application/json");
        if (media.isMissingNode()) {
            return null;
        }
        JsonNode example = media.has("example") ? media.path("example")
                : document.resolve(media.path("examples").iterator().next()).path("value");
        return example.toString();
    }

    private static boolean isStream(ApiDocument document, Operation op) {
        return document.resolve(op.node().path("responses").path("200")).path("content").has("text/event-stream");
    }

    record Answer(int status, String text, String contentType) {
    }

    private static Answer answer(HeaderHttp.Answer answer) {
        String type = answer.header("Content-Type");
        return new Answer(answer.status(), answer.text() == null ? "" : answer.text(),
                type == null ? "" : type.split(";")[0].trim());
    }

    /** An event stream never ends by itself: its status and content type are read, then it is closed. */
    private Answer openStream(String key, String target) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key).GET().build();
        try {
            HttpResponse<InputStream> response = STREAMS.send(request, HttpResponse.BodyHandlers.ofInputStream());
            response.body().close();
            return new Answer(response.statusCode(), "(a stream, closed after its first bytes)",
                    response.headers().firstValue("Content-Type").orElse("").split(";")[0].trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
