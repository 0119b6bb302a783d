package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event a request causes records, in its metadata, the API key that sent it and the request's id. */
class EventMetadataTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    JdbcClient jdbc;

    @Test
    void eventsCarryTheCallersKeyAndTheClientsRequestId() throws Exception {
        String userId = create("req-" + UUID.randomUUID());
        String keyId = jdbc.sql("select id::text from api_keys where key_hash = encode(sha256(convert_to(?, 'UTF8')), 'hex')")
                .param(BOOTSTRAP_KEY).query(String.class).single();
        List<JsonNode> metadata = metadata(userId);
        assertThat(metadata).hasSizeGreaterThanOrEqualTo(2).allSatisfy(m -> {
            assertThat(m.path("apiKeyId").asString()).isEqualTo(keyId);
            assertThat(m.path("requestId").asString()).startsWith("req-");
        });
        assertThat(metadata.stream().map(m -> m.path("requestId").asString()).distinct()).hasSize(1);
    }

    @Test
    void aRequestWithoutAnIdGetsOne() throws Exception {
        String userId = create(null);
        assertThat(metadata(userId)).allSatisfy(m -> assertThat(UUID.fromString(m.path("requestId").asString()))
                .isNotNull());
    }

    private String create(String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v4/users"))
                .header("Authorization", "Bearer " + BOOTSTRAP_KEY)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"Meta Data\",\"email\":\"" + uniqueEmail("meta") + "\"}"));
        if (requestId != null) {
            request.header("X-Request-Id", requestId);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("id").asString();
    }

    private List<JsonNode> metadata(String userId) {
        return jdbc.sql("select convert_from(metadata, 'UTF8') from domainevententry where aggregateidentifier = ?")
                .param(userId).query(String.class).list().stream().map(JSON::readTree).toList();
    }
}
