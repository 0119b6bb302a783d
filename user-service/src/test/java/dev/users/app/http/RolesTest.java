package dev.users.app.http;

import dev.users.app.support.ApiTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class RolesTest extends ApiTest {

    @Test
    void everyAccountListsThePredefinedRoles() {
        JsonNode predefined = otherAccount().get("/v3/settings/predefined_roles").json();
        assertThat(names(predefined)).containsExactly("admin", "billing", "broadcaster", "communicator");
        assertThat(predefined.get(0).path("resource_type").asString()).isEqualTo("role");
        assertThat(predefined.get(0).path("description").asString()).isNotBlank();
        assertThat(names(otherAccount().get("/v3/settings/roles").json()))
                .containsExactly("admin", "billing", "broadcaster", "communicator");
    }

    @Test
    void anAdminKeyAddsAccountRolesThatUsersCanBeGiven() {
        String name = "oncall-" + UUID.randomUUID().toString().substring(0, 6);
        var added = api().post("/v3/settings/roles", Map.of("name", name, "description", "Carries the pager"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().path("resource_type").asString()).isEqualTo("role");
        assertThat(names(api().get("/v3/settings/roles").json())).contains(name);
        assertThat(names(otherAccount().get("/v3/settings/roles").json())).doesNotContain(name);

        var user = api().post("/api/v4/users", Map.of("name", "Role Holder", "email", uniqueEmail("role")));
        String id = user.json().path("id").asString();
        var assigned = api().put("/api/v4/users/" + id + "/roles",
                Map.of("roles", List.of(name, added.json().path("id").asString(), "admin")));
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        assertThat(names2(assigned.json().path("roles"))).containsExactlyInAnyOrder("admin", name);

        var v3 = api().post("/v3/settings/users", Map.of("first_name", "A", "last_name", "B",
                "role_ids", List.of(added.json().path("id").asString())));
        assertThat(v3.json().path("roles").get(0).asString()).isEqualTo(name);
    }

    @Test
    void onlyAdminKeysAddRoles() {
        var response = nonAdmin().post("/v3/settings/roles", Map.of("name", "sneaky"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(names(api().get("/v3/settings/roles").json())).doesNotContain("sneaky");
    }

    @Test
    void duplicateAndInvalidRoleNamesAreRejected() {
        assertThat(api().post("/v3/settings/roles", Map.of("name", "admin")).status()).isEqualTo(409);
        assertThat(api().post("/v3/settings/roles", Map.of("name", "Has Spaces")).status()).isEqualTo(422);
        assertThat(api().post("/v3/settings/roles", Map.of("description", "no name")).status()).isEqualTo(422);
    }

    @Test
    void assigningAnUnknownRoleIs422AndChangesNothing() {
        var user = api().post("/api/v4/users", Map.of("name", "No Roles", "email", uniqueEmail("noroles")));
        String id = user.json().path("id").asString();
        var response = api().put("/api/v4/users/" + id + "/roles", Map.of("roles", List.of("admin", "wizard")));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("errors").get(0).path("message").asString()).contains("wizard");
        assertThat(api().get("/api/v4/users/" + id).json().path("roles")).isEmpty();
    }

    private static List<String> names(JsonNode roles) {
        List<String> names = new ArrayList<>();
        roles.forEach(r -> names.add(r.path("name").asString()));
        return names;
    }

    private static List<String> names2(JsonNode strings) {
        List<String> names = new ArrayList<>();
        strings.forEach(r -> names.add(r.asString()));
        return names;
    }
}
