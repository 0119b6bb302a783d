package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The account owner: always admin and billing, never deleted, changed only by transferring ownership. */
class AccountOwnerTest extends ApiTest {

    private static final String PATH = "/api/v4/account_users";

    private String create(Http http, String name, Map<String, Boolean> roles) {
        var response = http.post(PATH, Map.of("user_attributes", Map.of("name", name,
                "emails_attributes", List.of(Map.of("email", uniqueEmail("owner")))), "roles", roles));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("prefix_id").asString();
    }

    @Test
    void theOwnerIsAlwaysAdminAndBillingAndCannotBeDeletedUntilOwnershipMoves() {
        UUID account = accounts.create("owned-" + UUID.randomUUID(), "US");
        Http admin = new Http(port, apiKeys.issue(account, "admin", null, true));
        String first = create(admin, "First Owner", Map.of("communicator", true));
        String second = create(admin, "Second Owner", Map.of());

        assertThat(admin.get(PATH + "/" + first).json().has("owner")).isFalse();
        var transferred = admin.post(PATH + "/" + first + "/transfer_ownership", Map.of());
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        JsonNode owner = transferred.json();
        assertThat(owner.path("owner").asBoolean()).isTrue();
        assertThat(owner.path("roles").path("admin").asBoolean()).isTrue();
        assertThat(owner.path("roles").path("billing").asBoolean()).isTrue();
        assertThat(owner.path("roles").path("communicator").asBoolean()).isTrue();

        var demoted = admin.put(PATH + "/" + first, Map.of("roles", Map.of("billing", false)));
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(422);
        assertThat(demoted.text()).contains("owner");
        assertThat(admin.put("/api/v4/users/usr_" + first.substring(4) + "/roles", Map.of("roles", List.of("admin")))
                .status()).isEqualTo(422);
        var deleted = admin.delete(PATH + "/" + first);
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(409);
        assertThat(admin.get(PATH + "/" + first).json().path("roles").path("billing").asBoolean()).isTrue();

        // a key that is not an admin key, and another account, cannot move ownership
        Http member = new Http(port, apiKeys.issue(account, "member", null, false));
        assertThat(member.post(PATH + "/" + second + "/transfer_ownership", Map.of()).status()).isEqualTo(403);
        assertThat(otherAccount().post(PATH + "/" + second + "/transfer_ownership", Map.of()).status())
                .isEqualTo(404);

        assertThat(admin.post(PATH + "/" + second + "/transfer_ownership", Map.of()).json().path("owner")
                .asBoolean()).isTrue();
        JsonNode list = admin.get(PATH).json();
        assertThat(list.path("data")).filteredOn(u -> u.path("owner").asBoolean()).hasSize(1)
                .allMatch(u -> u.path("prefix_id").asString().equals(second));
        // the previous owner keeps its roles until they are changed, and may now be deleted
        JsonNode previous = admin.get(PATH + "/" + first).json();
        assertThat(previous.has("owner")).isFalse();
        assertThat(previous.path("roles").path("admin").asBoolean()).isTrue();
        assertThat(admin.put(PATH + "/" + first, Map.of("roles", Map.of("admin", false, "billing", false))).status())
                .isEqualTo(200);
        assertThat(admin.delete(PATH + "/" + first).status()).isEqualTo(204);
    }
}
