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
    void healthNeedsNoKey() {
        assertThat(api().withKey(null).get("/actuator/health").status()).isEqualTo(200);
    }
}
