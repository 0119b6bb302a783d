package dev.users.app.http;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;

class V4CreateUserTest extends ApiTest {

    @Test
    void seedExampleCreatesAUser() {
        String email = uniqueEmail("bobby");
        var response = api().post("/api/v4/users", Map.of("name", "Bobby Hill", "email", email));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode user = response.json();
        assertThat(user.path("name").asString()).isEqualTo("Bobby Hill");
        assertThat(user.path("prefix_id").asString()).startsWith("usr_");
        assertThat(user.path("tiny_id").isIntegralNumber()).isTrue();
        assertThat(user.path("emails")).hasSize(1);
        assertThat(user.path("emails").get(0).path("email").asString()).isEqualTo(email);
        assertThat(user.path("emails").get(0).path("primary").asBoolean()).isTrue();
        assertThat(user.path("notify_email").asBoolean()).isTrue();
        assertThat(user.path("created_at").asString()).isNotBlank();

        // read-your-writes: the very next GET shows it
        var fetched = api().get("/api/v4/users/" + user.path("id").asString());
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("tiny_id").asLong()).isEqualTo(user.path("tiny_id").asLong());
    }

    @Test
    void phonesAreStoredE164WithTheCountryFound() {
        var response = api().post("/api/v4/users", Map.of("name", "Hank Hill", "email", uniqueEmail("hank"),
                "phones_attributes", List.of(Map.of("phone", "(415) 555-2671"),
                        Map.of("phone", "+44 20 7946 0958", "primary", true, "confirmation_method", "sms")),
                "time_zone", "America/Chicago", "preferred_language", "en-US", "meta", Map.of("team", "propane")));

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode phones = response.json().path("phones");
        assertThat(phones).hasSize(2);
        assertThat(phones.get(0).path("phone").asString()).isEqualTo("+14155552671");
        assertThat(phones.get(0).path("country").asString()).isEqualTo("US");
        assertThat(phones.get(0).path("primary").asBoolean()).isFalse();
        assertThat(phones.get(1).path("phone").asString()).isEqualTo("+442079460958");
        assertThat(phones.get(1).path("country").asString()).isEqualTo("GB");
        assertThat(phones.get(1).path("primary").asBoolean()).isTrue();
        assertThat(phones.get(1).path("prefix_id").asString()).startsWith("phn_");
        assertThat(phones.get(1).path("blocked").asBoolean()).isFalse();
        assertThat(response.json().path("time_zone").asString()).isEqualTo("America/Chicago");
        assertThat(response.json().path("preferred_language").asString()).isEqualTo("en-US");
        assertThat(response.json().path("meta").path("team").asString()).isEqualTo("propane");
    }

    @Test
    void formEncodedBodiesWork() {
        String email = uniqueEmail("peggy");
        String form = "user[name]=" + enc("Peggy Hill") + "&user[email]=" + enc(email) + "&user[notify_sms]=false"
                + "&user[emails_attributes][0][email]=" + enc(uniqueEmail("substitute"));
        var response = api().send("POST", "/api/v4/users", form, "application/x-www-form-urlencoded");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("name").asString()).isEqualTo("Peggy Hill");
        assertThat(response.json().path("notify_sms").asBoolean()).isFalse();
        assertThat(response.json().path("emails")).hasSize(2);
    }

    @Test
    void missingNameAndEmailGiveOneMessageEach() {
        var response = api().post("/api/v4/users", Map.of("notify_push", true));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("code").asInt()).isEqualTo(422);
        assertThat(messages(response)).containsExactlyInAnyOrder("name is required", "email is required");
    }

    @Test
    void invalidValuesAreRejectedAndNothingIsCreated() {
        String email = uniqueEmail("dale");
        var response = api().post("/api/v4/users", Map.of("name", "Dale", "email", email,
                "phones_attributes", List.of(Map.of("phone", "12345")), "time_zone", "Mars/Olympus",
                "notify_push", "maybe"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response)).hasSize(3);
        assertThat(String.join("\n", messages(response))).contains("12345", "Mars/Olympus", "notify_push");
        // nothing was claimed: the same address is still free
        assertThat(api().post("/api/v4/users", Map.of("name", "Dale", "email", email)).status()).isEqualTo(201);
    }

    @Test
    void railsZoneNamesAreAcceptedAndEchoedAsSent() {
        var response = api().post("/api/v4/users", Map.of("name", "Zone", "email", uniqueEmail("zone"),
                "time_zone", "Eastern Time (US & Canada)", "preferred_language", "pt-br"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("time_zone").asString()).isEqualTo("Eastern Time (US & Canada)");
        assertThat(response.json().path("preferred_language").asString()).isEqualTo("pt-BR");
    }

    @Test
    void unknownLanguageIs422NamingIt() {
        var response = api().post("/api/v4/users", Map.of("name", "Worf", "email", uniqueEmail("worf"),
                "preferred_language", "klingon"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response).get(0)).contains("klingon");
    }

    @Test
    void malformedJsonIs400() {
        var response = api().send("POST", "/api/v4/users", "{\"name\": ", "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asInt()).isEqualTo(400);
    }

    @Test
    void aJsonArrayBodyIs400() {
        assertThat(api().send("POST", "/api/v4/users", "[1,2]", "application/json").status()).isEqualTo(400);
    }

    @Test
    void invalidEmailIs422() {
        var response = api().post("/api/v4/users", Map.of("name", "Luanne", "email", "not-an-email"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(messages(response).get(0)).contains("not-an-email");
    }

    @Test
    void emailsAreUniqueCaseInsensitively() {
        String email = uniqueEmail("boomhauer");
        assertThat(api().post("/api/v4/users", Map.of("name", "Boomhauer", "email", email)).status()).isEqualTo(201);

        // within one account; another account's create invites the person instead (MembershipsTest)
        var duplicate = api().post("/api/v4/users", Map.of("name", "Imposter", "email", email.toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(messages(duplicate).get(0)).contains(email).contains("taken");
    }

    @Test
    void twentyConcurrentCreatesWithOneEmailGiveOne201AndNineteen409s() throws Exception {
        String email = uniqueEmail("race");
        Http client = api();
        List<Integer> statuses = concurrently(20,
                n -> client.post("/api/v4/users", Map.of("name", "Racer " + n, "email", email)).status());

        assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(19);
        var list = api().get("/api/v4/users?email=" + enc(email));
        assertThat(list.json().path("total_count").asLong()).isEqualTo(1);
    }

    /**
     * More writers at once than the connection pool holds (20): each waits for the projection after its command, and
     * that wait must not hold a connection the projection needs (it once did: nothing completed, all answered 202).
     */
    @Test
    void moreConcurrentCreatesThanPooledConnectionsAllAnswer201() throws Exception {
        Http client = api();
        List<Integer> statuses = concurrently(48, n -> client.post("/api/v4/users",
                Map.of("name", "Crowd " + n, "email", uniqueEmail("crowd" + n))).status());

        assertThat(statuses).hasSize(48).containsOnly(201);
    }

    static List<Integer> concurrently(int n, IntFunction<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Callable<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                calls.add(() -> call.apply(index));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    static List<String> messages(Http.Response response) {
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(e -> messages.add(e.path("message").asString()));
        return messages;
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
