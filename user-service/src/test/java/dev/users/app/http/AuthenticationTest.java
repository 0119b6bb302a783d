package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthenticationTest extends ApiTest {

    @Test
    void missingKeyIs401InV4Format() {
        var response = api().withKey(null).get("/api/v4/users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asInt()).isEqualTo(401);
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("Authorization");
    }

    @Test
    void unknownKeyIs401() {
        var response = api().withKey("usk_nope").get("/api/v4/users");
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("errors").get(0).path("message").asString()).isEqualTo("unknown API key");
    }

    @Test
    void imcosPingSaysWhoseTheCredentialsAre() {
        var ping = api().get("/v3/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json().path("status").asString()).isEqualTo("ok");
        assertThat(ping.json().path("customer_id").asString()).isEqualTo(accounts.first().orElseThrow().toString());
        var refused = api().withKey(null).get("/v3/ping");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text()).isEqualTo("{\"error\":\"missing Authorization: Bearer <api key> header\"}");
    }

    @Test
    void healthNeedsNoKey() {
        assertThat(api().withKey(null).get("/actuator/health").status()).isEqualTo(200);
    }
}
