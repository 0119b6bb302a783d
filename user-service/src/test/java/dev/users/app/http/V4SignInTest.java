package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class V4SignInTest extends ApiTest {

    private String createUser() {
        var response = api().post("/api/v4/users", Map.of("name", "Bill Dauterive", "email", uniqueEmail("bill")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asString();
    }

    @Test
    void signInsMoveLastSignInForwardAndAreAudited() {
        String id = createUser();
        var first = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "2026-03-01T10:00:00Z"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().path("last_sign_in_at").asString()).isEqualTo("2026-03-01T10:00:00.000Z");

        var second = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "2026-03-02T11:30:00+01:00"));
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().path("last_sign_in_at").asString()).isEqualTo("2026-03-02T10:30:00.000Z");

        JsonNode audit = api().get("/api/v4/users/" + id + "/sign_ins").json();
        assertThat(audit.path("total_count").asLong()).isEqualTo(2);
        JsonNode newest = audit.path("data").get(0);
        assertThat(newest.path("previous_sign_in_at").asString()).isEqualTo("2026-03-01T10:00:00.000Z");
        assertThat(newest.path("signed_in_at").asString()).isEqualTo("2026-03-02T10:30:00.000Z");
        assertThat(newest.path("api_key_id").asString()).isNotBlank();
        assertThat(newest.path("recorded_at").asString()).isNotBlank();
        assertThat(audit.path("data").get(1).path("previous_sign_in_at").isNull()).isTrue();
    }

    @Test
    void aSignInWithoutBodyIsNow() {
        String id = createUser();
        var response = api().send("POST", "/api/v4/users/" + id + "/sign_ins", null, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("last_sign_in_at").asString()).startsWith("20");
    }

    @Test
    void signInCannotMoveBackwards() {
        String id = createUser();
        api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "2026-05-01T00:00:00Z"));
        var response = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "2026-04-01T00:00:00Z"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(api().get("/api/v4/users/" + id).json().path("last_sign_in_at").asString())
                .isEqualTo("2026-05-01T00:00:00.000Z");
    }

    @Test
    void badInstantIs422() {
        String id = createUser();
        var response = api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "yesterday"));
        assertThat(response.status()).isEqualTo(422);
    }

    @Test
    void accountAuditIsFilteredByTimeRange() {
        String id = createUser();
        api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "2011-01-01T00:00:00Z"));
        api().post("/api/v4/users/" + id + "/sign_ins", Map.of("at", "2011-02-01T00:00:00Z"));
        var inJanuary = api().get("/api/v4/sign_ins?from=2011-01-01T00:00:00Z&to=2011-01-31T00:00:00Z").json();
        assertThat(inJanuary.path("total_count").asLong()).isEqualTo(1);
        assertThat(inJanuary.path("data").get(0).path("user_id").asString()).isEqualTo(id);
        assertThat(otherAccount().get("/api/v4/sign_ins?from=2011-01-01T00:00:00Z").json().path("total_count").asLong())
                .isZero();
    }
}
