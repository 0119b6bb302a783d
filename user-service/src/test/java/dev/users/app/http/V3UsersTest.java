package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import dev.users.app.support.ImcoClients;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class V3UsersTest extends ApiTest {

    private static final String USERS = "/v3/settings/users";

    @Autowired
    JdbcClient jdbc;

    private JsonNode createV3(Map<String, Object> body) {
        var response = api().post(USERS, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void createAppliesTheDocumentedDefaults() {
        JsonNode user = createV3(Map.of("first_name", "Luanne", "last_name", "Platter", "role_ids", List.of("admin")));

        assertThat(fieldNames(user)).containsExactly("id", "first_name", "last_name", "email", "customer_id",
                "language", "timezone", "phone", "roles", "resource_type");
        assertThat(user.path("first_name").asString()).isEqualTo("Luanne");
        assertThat(user.path("last_name").asString()).isEqualTo("Platter");
        assertThat(user.path("language").asString()).isEqualTo("en");
        assertThat(user.path("timezone").asString()).isEqualTo("London");
        assertThat(user.path("email").isNull()).isTrue();
        assertThat(user.path("phone").isNull()).isTrue();
        assertThat(user.path("roles").get(0).asString()).isEqualTo("admin");
        assertThat(user.path("resource_type").asString()).isEqualTo("user");
        assertThat(user.path("customer_id").asString()).isNotBlank();
    }

    @Test
    void createTakesEmailPhoneRoleIdsZonesAndLanguages() {
        String roleId = api().get("/v3/settings/predefined_roles").json().get(1).path("id").asString();
        String email = uniqueEmail("cotton");
        JsonNode user = createV3(Map.of("first_name", "Cotton", "last_name", "Hill", "role_ids", List.of(roleId),
                "email", email, "phone", "+1 214 555 0199", "timezone", "Central Time (US & Canada)",
                "language", "es-MX"));

        assertThat(user.path("email").asString()).isEqualTo(email);
        assertThat(user.path("phone").asString()).isEqualTo("+12145550199");
        assertThat(user.path("roles").get(0).asString()).isEqualTo("billing");
        assertThat(user.path("timezone").asString()).isEqualTo("Central Time (US & Canada)");
        assertThat(user.path("language").asString()).isEqualTo("es-MX");
        assertThat(api().get(USERS + "/" + user.path("id").asString()).json()).isEqualTo(user);
    }

    @Test
    void eachMissingRequiredFieldIsKeyedByItsNameAsImcosClientsReadIt() {
        var response = api().post(USERS, Map.of("language", "en"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.text()).isEqualTo("{\"errors\":{\"first_name\":[\"is required\"],"
                + "\"last_name\":[\"is required\"],\"role_ids\":[\"is required: give at least one role id\"]}}");
    }

    @Test
    void unknownRoleZoneAndLanguageAreEach422() {
        var response = api().post(USERS, Map.of("first_name", "A", "last_name", "B", "role_ids", List.of("astronaut"),
                "timezone", "Atlantis", "language", "xx-YY"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(ImcoClients.fieldErrors(response)).containsExactly(
                Map.entry("role_ids", List.of("role 'astronaut' does not exist in this account")),
                Map.entry("language", List.of("'xx-YY' is not a known language tag")),
                Map.entry("timezone", List.of("'Atlantis' is not a known time zone")));
    }

    @Test
    void takenEmailIs409() {
        String email = uniqueEmail("taken");
        createV3(Map.of("first_name", "A", "last_name", "B", "role_ids", List.of("admin"), "email", email));
        var response = api().post(USERS, Map.of("first_name", "C", "last_name", "D", "role_ids", List.of("admin"),
                "email", email));
        assertThat(response.status()).isEqualTo(409);
        assertThat(ImcoClients.error(response)).isEqualTo("email " + email + " is already taken");
    }

    @Test
    void usersAreVisibleAcrossSurfaces() {
        JsonNode v3 = createV3(Map.of("first_name", "Joseph", "last_name", "Gribble", "role_ids", List.of("admin")));
        JsonNode asV4 = api().get("/api/v4/users/" + v3.path("id").asString()).json();
        assertThat(asV4.path("name").asString()).isEqualTo("Joseph Gribble");
        assertThat(asV4.path("roles").get(0).asString()).isEqualTo("admin");
        assertThat(asV4.path("time_zone").asString()).isEqualTo("London");

        var v4 = api().post("/api/v4/users", Map.of("name", "Nancy Hicks Gribble", "email", uniqueEmail("nancy")));
        String v4Id = v4.json().path("id").asString();
        JsonNode asV3 = api().get(USERS + "/" + v4Id).json();
        assertThat(asV3.path("first_name").asString()).isEqualTo("Nancy Hicks");
        assertThat(asV3.path("last_name").asString()).isEqualTo("Gribble");
        assertThat(ids(api().get(USERS).json())).contains(v3.path("id").asString(), v4Id);
    }

    @Test
    void deleteRemovesTheUserFromBothSurfacesButKeepsItsHistory() {
        String email = uniqueEmail("dale");
        JsonNode user = createV3(Map.of("first_name", "Dale", "last_name", "Gribble", "role_ids", List.of("admin"),
                "email", email));
        String id = user.path("id").asString();

        assertThat(api().delete(USERS + "/" + id).status()).isEqualTo(204);

        assertThat(api().get(USERS + "/" + id).status()).isEqualTo(404);
        assertThat(api().get("/api/v4/users/" + id).status()).isEqualTo(404);
        assertThat(ids(api().get(USERS).json())).doesNotContain(id);
        assertThat(api().get("/api/v4/users?id=" + id).json().path("total_count").asLong()).isZero();
        assertThat(api().delete(USERS + "/" + id).status()).isEqualTo(404);
        long events = jdbc.sql("select count(*) from domainevententry where aggregateidentifier = ?").param(id)
                .query(Long.class).single();
        assertThat(events).isGreaterThanOrEqualTo(4);
        // the removed user's address is free again
        assertThat(api().post("/api/v4/users", Map.of("name", "Dale II", "email", email)).status()).isEqualTo(201);
    }

    @Test
    void anotherAccountsUserIs404() {
        JsonNode user = createV3(Map.of("first_name", "Bill", "last_name", "D", "role_ids", List.of("admin")));
        Http other = otherAccount();
        assertThat(other.get(USERS + "/" + user.path("id").asString()).status()).isEqualTo(404);
        assertThat(other.delete(USERS + "/" + user.path("id").asString()).status()).isEqualTo(404);
        assertThat(api().get(USERS + "/" + user.path("id").asString()).status()).isEqualTo(200);
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(u -> ids.add(u.path("id").asString()));
        return ids;
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    static List<String> messages(Http.Response response) {
        return V4CreateUserTest.messages(response);
    }
}
