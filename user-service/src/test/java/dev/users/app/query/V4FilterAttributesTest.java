package dev.users.app.query;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every attribute of the v4 user and account user objects as a filter, over real HTTP on users made through the
 * API in an account of their own: prefix ids, the account, emails and phones and each of their fields, roles, meta
 * keys, and on account users the roles hash, team ids and the nested user's attributes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class V4FilterAttributesTest extends ApiTest {

    private static final String USERS = "/api/v4/users";
    private static final String ACCOUNT_USERS = "/api/v4/account_users";

    private Http http;
    private JsonNode ann;
    private JsonNode ben;
    private JsonNode cat;
    private JsonNode dan;

    @BeforeAll
    void fourUsers() {
        http = otherAccount();
        ann = created(http.post(USERS, Map.of("name", "Ann Able", "email", uniqueEmail("ann"),
                "emails_attributes", List.of(Map.of("email", uniqueEmail("ann.second"))),
                "phones_attributes", List.of(Map.of("phone", "+14155552671")),
                "meta", Map.of("team", "Ops East", "cost.center", "42"))));
        ann = created(http.put(USERS + "/" + ann.path("id").asString() + "/roles", Map.of("roles", List.of("admin"))));
        ben = created(http.post(USERS, Map.of("name", "Ben Bold", "email", uniqueEmail("ben"),
                "phones_attributes", List.of(Map.of("phone", "+442071838750"),
                        Map.of("phone", "+14155550102", "primary", true)),
                "meta", Map.of("team", "ops west"))));
        // a phone is blocked by an update, by its id
        ben = created(http.put(USERS + "/" + ben.path("id").asString(), Map.of("phones_attributes",
                List.of(Map.of("id", ben.path("phones").get(0).path("id").asString(), "blocked", true)))));
        cat = created(http.post(ACCOUNT_USERS, Map.of("user_attributes", Map.of("name", "Cat Cole", "email",
                uniqueEmail("cat")), "roles", Map.of("billing", true), "team_ids", List.of("tm_a", "tm_b"))));
        dan = created(http.post(ACCOUNT_USERS, Map.of("user_attributes", Map.of("name", "Dan Dee", "email",
                uniqueEmail("dan")), "roles", Map.of("admin", true, "broadcaster", true), "team_ids", List.of("tm_b"))));
    }

    @Test
    void prefixIdIsTheObjectsOwnForm() {
        assertThat(users("prefix_id=" + ann.path("prefix_id").asString())).containsExactly("Ann Able");
        assertThat(users("prefix_id=" + ann.path("prefix_id").asString() + "&ops=prefix_id:ne"))
                .containsExactly("Ben Bold", "Cat Cole", "Dan Dee");
        String catAccountUser = cat.path("prefix_id").asString();
        assertThat(catAccountUser).startsWith("acu_");
        assertThat(accountUsers("prefix_id=" + catAccountUser)).containsExactly("Cat Cole");
        assertThat(accountUsers("user.prefix_id=" + cat.path("user").path("prefix_id").asString()))
                .containsExactly("Cat Cole");
        assertThat(invalid(USERS + "?prefix_id=" + catAccountUser))
                .containsExactly("invalid value for prefix_id: expected usr_ and 32 hex digits");
        assertThat(invalid(ACCOUNT_USERS + "?prefix_id=" + ann.path("id").asString()))
                .containsExactly("invalid value for prefix_id: expected acu_ and 32 hex digits");
    }

    @Test
    void accountIdNeverReachesBeyondTheCallersAccount() {
        String own = ann.path("account_id").asString();
        assertThat(users("account_id=" + own)).hasSize(4);
        assertThat(accountUsers("account_id=" + own)).hasSize(4);
        assertThat(users("account_id=" + own + "&ops=account_id:ne")).isEmpty();
        String bootstrap = created(api().post(USERS, Map.of("name", "Elsewhere", "email", uniqueEmail("else"))))
                .path("account_id").asString();
        JsonNode other = list(USERS + "?account_id=" + bootstrap);
        assertThat(other.path("data")).isEmpty();
        assertThat(other.path("total_count").asLong()).isZero();
        assertThat(users("account_id=" + UUID.randomUUID())).isEmpty();
        assertThat(users("account_id=" + bootstrap + "&ops=account_id:ne")).hasSize(4);
        assertThat(invalid(USERS + "?account_id=acc")).containsExactly("invalid value for account_id: expected an id");
    }

    @Test
    void emailsMatchAnyAddressAndTheirFieldsAnyEmail() {
        String second = ann.path("emails").get(1).path("email").asString();
        assertThat(users("emails=" + second.toUpperCase())).containsExactly("Ann Able");
        assertThat(users("emails.email=" + second)).containsExactly("Ann Able");
        assertThat(users("emails.email=ann.second&ops=emails.email:beginsWith")).containsExactly("Ann Able");
        assertThat(users("emails.id=" + ann.path("emails").get(1).path("id").asString())).containsExactly("Ann Able");
        assertThat(users("emails.id=" + ann.path("emails").get(1).path("id").asString() + "&ops=emails.id:ne"))
                .containsExactly("Ben Bold", "Cat Cole", "Dan Dee");
        // a user has a non-primary email: only Ann has two
        assertThat(users("emails.primary=false")).containsExactly("Ann Able");
        assertThat(users("emails.primary=true")).hasSize(4);
        assertThat(accountUsers("user.emails.email=" + second)).containsExactly("Ann Able");
    }

    @Test
    void phonesMatchAnyNumberAndTheirFieldsAnyPhone() {
        assertThat(users("phones=%2B442071838750")).containsExactly("Ben Bold");
        assertThat(users("phones.phone=+14155552671")).containsExactly("Ann Able");
        JsonNode blocked = ben.path("phones").get(0);
        assertThat(blocked.path("blocked").asBoolean()).isTrue();
        assertThat(users("phones.id=" + blocked.path("id").asString())).containsExactly("Ben Bold");
        assertThat(users("phones.prefix_id=" + blocked.path("prefix_id").asString())).containsExactly("Ben Bold");
        assertThat(users("phones.country=gb")).containsExactly("Ben Bold");
        assertThat(users("phones.country=US")).containsExactly("Ann Able", "Ben Bold");
        assertThat(users("phones.country=GB&ops=phones.country:ne")).containsExactly("Ann Able", "Cat Cole", "Dan Dee");
        assertThat(users("phones.blocked=true")).containsExactly("Ben Bold");
        assertThat(users("phones.blocked=true&ops=phones.blocked:ne")).containsExactly("Ann Able", "Cat Cole", "Dan Dee");
        assertThat(users("phones.primary=true")).containsExactly("Ann Able", "Ben Bold");
        assertThat(invalid(USERS + "?phones.country=G&ops=phones.country:beginsWith"))
                .containsExactly("operator beginsWith cannot be used on phones.country");
        assertThat(invalid(USERS + "?phones.prefix_id=" + blocked.path("id").asString()))
                .containsExactly("invalid value for phones.prefix_id: expected phn_ and 32 hex digits");
        assertThat(invalid(USERS + "?phones.blocked=yes"))
                .containsExactly("invalid value for phones.blocked: expected true or false");
    }

    @Test
    void rolesByNameOnBothListsAndAsTheHashOnAccountUsers() {
        assertThat(users("roles=admin")).containsExactly("Ann Able", "Dan Dee");
        assertThat(users("role=admin")).containsExactly("Ann Able", "Dan Dee");
        assertThat(accountUsers("roles.admin=true")).containsExactly("Ann Able", "Dan Dee");
        assertThat(accountUsers("roles.admin=false")).containsExactly("Ben Bold", "Cat Cole");
        assertThat(accountUsers("roles.admin=true&ops=roles.admin:ne")).containsExactly("Ben Bold", "Cat Cole");
        assertThat(accountUsers("roles.billing=true&roles.admin=false")).containsExactly("Cat Cole");
        assertThat(accountUsers("roles.nobody_has_this=true")).isEmpty();
        assertThat(invalid(ACCOUNT_USERS + "?roles.admin=1"))
                .containsExactly("invalid value for roles.admin: expected true or false");
    }

    @Test
    void metaKeysMatchTheirValues() {
        assertThat(users("meta.team=Ops%20East")).containsExactly("Ann Able");
        assertThat(users("meta.team=ops%20east")).isEmpty();
        assertThat(users("meta.team=OPS&ops=meta.team:beginsWith")).containsExactly("Ann Able", "Ben Bold");
        assertThat(users("meta.team=West&ops=meta.team:contains")).containsExactly("Ben Bold");
        assertThat(users("meta.team=Ops%20East&ops=meta.team:ne")).containsExactly("Ben Bold", "Cat Cole", "Dan Dee");
        assertThat(users("meta.cost.center=42")).containsExactly("Ann Able");
        assertThat(users("meta.team=%25&ops=meta.team:contains")).isEmpty();
        assertThat(users("meta.unknown=x")).isEmpty();
        assertThat(accountUsers("user.meta.team=ops%20west")).containsExactly("Ben Bold");
        assertThat(invalid(USERS + "?meta.team=a&ops=meta.team:gt"))
                .containsExactly("operator gt cannot be used on meta.team");
        assertThat(invalid(USERS + "?meta=x")).singleElement().asString()
                .startsWith("unknown filter attribute meta;").contains("meta.<key>");
        assertThat(invalid(USERS + "?meta.k%01=x")).containsExactly(
                "query parameter names must not contain U+0001 (a control character)");
    }

    @Test
    void teamIdsOfAccountUsers() {
        assertThat(accountUsers("team_ids=tm_b")).containsExactly("Cat Cole", "Dan Dee");
        assertThat(accountUsers("team_ids=tm_a&ops=team_ids:ne")).containsExactly("Ann Able", "Ben Bold", "Dan Dee");
        assertThat(accountUsers("team_ids=TM_&ops=team_ids:beginsWith")).containsExactly("Cat Cole", "Dan Dee");
        assertThat(accountUsers("team_ids=_a&ops=team_ids:contains")).containsExactly("Cat Cole");
        assertThat(invalid(USERS + "?team_ids=tm_a")).singleElement().asString()
                .startsWith("unknown filter attribute team_ids");
    }

    @Test
    void accountUsersTakeTheirUsersAttributesByNameOrAfterUser() {
        assertThat(accountUsers("name=Cat%20Cole")).containsExactly("Cat Cole");
        assertThat(accountUsers("user.name=Cat%20Cole")).containsExactly("Cat Cole");
        assertThat(accountUsers("user.phones.country=GB")).containsExactly("Ben Bold");
        assertThat(accountUsers("user.id=" + dan.path("user").path("id").asString())).containsExactly("Dan Dee");
        assertThat(list(ACCOUNT_USERS + "?sort=user.name&direction=desc").path("data").get(0).path("user")
                .path("name").asString()).isEqualTo("Dan Dee");
        assertThat(invalid(ACCOUNT_USERS + "?user.colour=red")).singleElement().asString()
                .startsWith("unknown filter attribute user.colour; filter on one of id, prefix_id, team_ids, roles.<key>")
                .contains("user.").contains("meta.<key>");
    }

    private List<String> users(String query) {
        return names(list(USERS + "?" + query), false);
    }

    private List<String> accountUsers(String query) {
        return names(list(ACCOUNT_USERS + "?" + query), true);
    }

    private JsonNode list(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(200);
        assertThat(response.json().path("total_count").asLong()).isEqualTo(response.json().path("data").size());
        return response.json();
    }

    private List<String> invalid(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " -> " + response).isEqualTo(422);
        assertThat(response.json().path("code").asInt()).isEqualTo(422);
        return response.json().path("errors").values().stream().map(e -> e.path("message").asString()).toList();
    }

    private static List<String> names(JsonNode page, boolean nested) {
        return page.path("data").values().stream()
                .map(u -> (nested ? u.path("user") : u).path("name").asString()).toList();
    }

    private static JsonNode created(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isIn(200, 201);
        return response.json();
    }
}
