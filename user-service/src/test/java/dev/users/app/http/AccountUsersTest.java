package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Exactly what PagerTree's CLI sends to /api/v4/account_users: create, list with limit/offset/q, show, update, delete. */
class AccountUsersTest extends ApiTest {

    private static final String PATH = "/api/v4/account_users";

    private JsonNode create(String name, String email, Map<String, Boolean> roles) {
        var response = api().post(PATH, Map.of("user_attributes",
                Map.of("name", name, "emails_attributes", List.of(Map.of("email", email))), "roles", roles));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void createWithNameEmailAndARolesHash() {
        String email = uniqueEmail("cli");
        JsonNode accountUser = create("Cli Created", email, Map.of("admin", true, "billing", false));

        assertThat(accountUser.path("prefix_id").asString()).startsWith("acu_");
        assertThat(accountUser.path("roles").path("admin").asBoolean()).isTrue();
        assertThat(accountUser.path("roles").path("billing").asBoolean()).isFalse();
        assertThat(accountUser.path("roles").has("communicator")).isTrue();
        assertThat(accountUser.path("user").path("name").asString()).isEqualTo("Cli Created");
        assertThat(accountUser.path("user").path("emails").get(0).path("email").asString()).isEqualTo(email);
        assertThat(accountUser.path("id").asString()).isEqualTo(accountUser.path("user").path("id").asString());
    }

    @Test
    void teamIdsAreKeptAndEchoed() {
        var response = api().post(PATH, Map.of("user_attributes", Map.of("name", "Team Player",
                "emails_attributes", List.of(Map.of("email", uniqueEmail("team")))), "team_ids", List.of("t-1", "t-2")));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("team_ids")).hasSize(2);
    }

    @Test
    void listWithLimitOffsetAndQ() {
        String marker = "Zebulon" + System.nanoTime();
        create(marker + " One", uniqueEmail("z1"), Map.of("admin", true));
        create(marker + " Two", uniqueEmail("z2"), Map.of("communicator", true));

        JsonNode page = api().get(PATH + "?limit=1&offset=0&q=" + marker).json();
        assertThat(page.path("total_count").asLong()).isEqualTo(2);
        assertThat(page.path("has_more").asBoolean()).isTrue();
        assertThat(page.path("data")).hasSize(1);
        JsonNode second = api().get(PATH + "?limit=1&offset=1&q=" + marker).json();
        assertThat(second.path("has_more").asBoolean()).isFalse();
        assertThat(second.path("data").get(0).path("user").path("name").asString()).endsWith("Two");
    }

    @Test
    void showUpdateNameAndDelete() {
        JsonNode created = create("Before Rename", uniqueEmail("rename"), Map.of("admin", true));
        String id = created.path("id").asString();

        assertThat(api().get(PATH + "/" + id).json().path("user").path("name").asString()).isEqualTo("Before Rename");
        var updated = api().put(PATH + "/" + id, Map.of("user_attributes", Map.of("name", "After Rename"),
                "roles", Map.of("admin", false, "broadcaster", true)));
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("user").path("name").asString()).isEqualTo("After Rename");
        assertThat(updated.json().path("roles").path("admin").asBoolean()).isFalse();
        assertThat(updated.json().path("roles").path("broadcaster").asBoolean()).isTrue();

        assertThat(api().delete(PATH + "/" + id).status()).isEqualTo(204);
        assertThat(api().get(PATH + "/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v4/users/" + id).status()).isEqualTo(404);
        assertThat(api().get("/v3/settings/users/" + id).status()).isEqualTo(404);
    }

    @Test
    void badInputIs422AndUnknownIs404() {
        var noName = api().post(PATH, Map.of("user_attributes", Map.of("emails_attributes",
                List.of(Map.of("email", uniqueEmail("noname"))))));
        assertThat(noName.status()).isEqualTo(422);
        assertThat(noName.json().path("errors").get(0).path("message").asString()).contains("user_attributes.name");
        var unknownRole = api().post(PATH, Map.of("user_attributes", Map.of("name", "X",
                "emails_attributes", List.of(Map.of("email", uniqueEmail("x")))), "roles", Map.of("pilot", true)));
        assertThat(unknownRole.status()).isEqualTo(422);
        assertThat(api().delete(PATH + "/acu_00000000000040008000000000000000").status()).isEqualTo(404);
        assertThat(otherAccount().get(PATH + "/" + create("Mine", uniqueEmail("mine"), Map.of()).path("id").asString())
                .status()).isEqualTo(404);
    }
}
