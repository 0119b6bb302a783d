package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static dev.users.app.http.V4CreateUserTest.messages;
import static org.assertj.core.api.Assertions.assertThat;

class V4UpdateUserTest extends ApiTest {

    private JsonNode createUser() {
        var response = api().post("/api/v4/users", Map.of("name", "Kahn Souphanousinphone",
                "email", uniqueEmail("kahn"), "phones_attributes", List.of(Map.of("phone", "+1 650 253 0000"))));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void updatesProfileFieldsByIdOrPrefixId() {
        JsonNode user = createUser();
        var response = api().put("/api/v4/users/" + user.path("prefix_id").asString(),
                Map.of("name", "Kahn S.", "notify_voice", false, "time_zone", "Asia/Vientiane", "meta", Map.of("k", "v")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("name").asString()).isEqualTo("Kahn S.");
        assertThat(response.json().path("notify_voice").asBoolean()).isFalse();
        assertThat(response.json().path("notify_push").asBoolean()).isTrue();
        assertThat(response.json().path("time_zone").asString()).isEqualTo("Asia/Vientiane");
        assertThat(api().get("/api/v4/users/" + user.path("id").asString()).json().path("name").asString())
                .isEqualTo("Kahn S.");
    }

    @Test
    void nestedEmailsAreAddedMadePrimaryAndDestroyed() {
        JsonNode user = createUser();
        String id = user.path("id").asString();
        String firstEmailId = user.path("emails").get(0).path("id").asString();
        String second = uniqueEmail("second");

        var added = api().put("/api/v4/users/" + id,
                Map.of("emails_attributes", List.of(Map.of("email", second, "primary", true))));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        assertThat(added.json().path("emails")).hasSize(2);
        JsonNode newPrimary = added.json().path("emails").get(1);
        assertThat(newPrimary.path("email").asString()).isEqualTo(second);
        assertThat(newPrimary.path("primary").asBoolean()).isTrue();
        assertThat(added.json().path("emails").get(0).path("primary").asBoolean()).isFalse();

        var destroyed = api().put("/api/v4/users/" + id,
                Map.of("emails_attributes", List.of(Map.of("id", firstEmailId, "_destroy", true))));
        assertThat(destroyed.status()).as(destroyed.toString()).isEqualTo(200);
        assertThat(destroyed.json().path("emails")).hasSize(1);
        assertThat(destroyed.json().path("emails").get(0).path("email").asString()).isEqualTo(second);
    }

    @Test
    void topLevelEmailBecomesThePrimaryAddress() {
        JsonNode user = createUser();
        String email = uniqueEmail("primary");
        var response = api().put("/api/v4/users/" + user.path("id").asString(), Map.of("email", email));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("emails")).anySatisfy(e -> {
            assertThat(e.path("email").asString()).isEqualTo(email);
            assertThat(e.path("primary").asBoolean()).isTrue();
        });
    }

    @Test
    void phonesAreChangedBlockedAndDestroyed() {
        JsonNode user = createUser();
        String id = user.path("id").asString();
        String phoneId = user.path("phones").get(0).path("id").asString();

        var changed = api().put("/api/v4/users/" + id, Map.of("phones_attributes",
                List.of(Map.of("id", phoneId, "phone", "+33 1 42 68 53 00", "blocked", true))));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode phone = changed.json().path("phones").get(0);
        assertThat(phone.path("id").asString()).isEqualTo(phoneId);
        assertThat(phone.path("phone").asString()).isEqualTo("+33142685300");
        assertThat(phone.path("country").asString()).isEqualTo("FR");
        assertThat(phone.path("blocked").asBoolean()).isTrue();

        var destroyed = api().put("/api/v4/users/" + id,
                Map.of("phones_attributes", List.of(Map.of("id", phoneId, "_destroy", "1"))));
        assertThat(destroyed.status()).as(destroyed.toString()).isEqualTo(200);
        assertThat(destroyed.json().path("phones")).isEmpty();
    }

    @Test
    void aRejectedUpdateChangesNothing() {
        JsonNode user = createUser();
        String id = user.path("id").asString();
        String taken = createUser().path("emails").get(0).path("email").asString();

        var response = api().put("/api/v4/users/" + id, Map.of("name", "Should Not Stick",
                "emails_attributes", List.of(Map.of("email", taken))));

        assertThat(response.status()).isEqualTo(409);
        assertThat(api().get("/api/v4/users/" + id).json().path("name").asString())
                .isEqualTo("Kahn Souphanousinphone");
    }

    @Test
    void removingTheOnlyEmailIs422() {
        JsonNode user = createUser();
        var response = api().put("/api/v4/users/" + user.path("id").asString(), Map.of("emails_attributes",
                List.of(Map.of("id", user.path("emails").get(0).path("id").asString(), "_destroy", true))));
        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response)).isNotEmpty();
    }

    @Test
    void unknownAndForeignUsersAre404() {
        JsonNode user = createUser();
        assertThat(api().put("/api/v4/users/3f1e1c1e-0000-4000-8000-000000000000", Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(api().put("/api/v4/users/garbage", Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(otherAccount().put("/api/v4/users/" + user.path("id").asString(), Map.of("name", "x")).status())
                .isEqualTo(404);
        assertThat(api().get("/api/v4/users/" + user.path("id").asString()).json().path("name").asString())
                .isEqualTo("Kahn Souphanousinphone");
    }

    @Test
    void deleteIsNotSupported() {
        JsonNode user = createUser();
        var response = api().delete("/api/v4/users/" + user.path("id").asString());
        assertThat(response.status()).isEqualTo(405);
        assertThat(messages(response).get(0)).contains("account_users");
        assertThat(api().get("/api/v4/users/" + user.path("id").asString()).status()).isEqualTo(200);
    }
}
