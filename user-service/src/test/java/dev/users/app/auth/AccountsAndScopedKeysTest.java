package dev.users.app.auth;

import dev.users.app.support.ApiTest;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/** Accounts made by the operator's key, keys of each scope, their expiry and revocation, and the refusals. */
class AccountsAndScopedKeysTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    /** A new account made through the API; its first admin key's client. */
    private Http newAccount(String region) {
        Http.Response created = api().post("/api/v4/accounts", Map.of("name", "Acme " + UUID.randomUUID(),
                "default_region", region));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return api().withKey(created.json().path("api_key").path("secret").asString());
    }

    private static String issue(Http admin, String scope) {
        Http.Response key = admin.post("/api/v4/api_keys", Map.of("scope", scope, "label", scope + " key"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        assertThat(key.json().path("scope").asString()).isEqualTo(scope);
        return key.json().path("secret").asString();
    }

    private long keyRows() {
        return jdbc.sql("select count(*) from api_keys").query(Long.class).single();
    }

    @Test
    void theOperatorCreatesListsAndShowsAccountsWithAFirstAdminKey() {
        Http.Response created = api().post("/api/v4/accounts", Map.of("name", "Globex", "default_region", "de"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode account = created.json();
        String id = account.path("id").asString();
        assertThat(account.path("name").asString()).isEqualTo("Globex");
        assertThat(account.path("default_region").asString()).isEqualTo("DE");
        assertThat(account.path("api_key").path("scope").asString()).isEqualTo("admin");
        String secret = account.path("api_key").path("secret").asString();
        assertThat(secret).startsWith("usk_");
        String stored = jdbc.sql("select key_hash from api_keys where id = ?")
                .param(UUID.fromString(account.path("api_key").path("id").asString())).query(String.class).single();
        assertThat(stored).isNotEqualTo(secret).hasSize(64);

        assertThat(api().get("/api/v4/accounts/" + id).json().path("name").asString()).isEqualTo("Globex");
        assertThat(api().get("/api/v4/accounts/" + id).json().has("api_key")).isFalse();
        JsonNode list = api().get("/api/v4/accounts?limit=100").json();
        assertThat(list.path("data").valueStream().map(a -> a.path("id").asString())).contains(id);
        assertThat(api().get("/api/v4/accounts/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api().get("/api/v4/accounts/nope").status()).isEqualTo(404);

        Http globex = api().withKey(secret);
        assertThat(globex.get("/api/v4/users").json().path("total_count").asLong()).isZero();
        Http.Response user = globex.post("/api/v4/users", Map.of("name", "Hank", "email", uniqueEmail("hank")));
        assertThat(user.status()).as(user.toString()).isEqualTo(201);
        assertThat(api().get("/api/v4/users/" + user.json().path("id").asString()).status()).isEqualTo(404);
    }

    @Test
    void onlyTheOperatorManagesAccounts() {
        Http admin = newAccount("US");
        long accounts = jdbc.sql("select count(*) from accounts").query(Long.class).single();
        Http.Response refused = admin.post("/api/v4/accounts", Map.of("name", "Sneaky"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("errors").get(0).path("message").asString()).contains("operator");
        assertThat(admin.get("/api/v4/accounts").status()).isEqualTo(403);
        assertThat(nonAdmin().get("/api/v4/accounts").status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from accounts").query(Long.class).single()).isEqualTo(accounts);
    }

    @Test
    void badAccountsAreRefusedAndChangeNothing() {
        long accounts = jdbc.sql("select count(*) from accounts").query(Long.class).single();
        Map<String, Object> nul = Map.of("name", "a\u0000b");
        Map<String, Object> huge = Map.of("name", "x".repeat(10_000));
        Map<String, Object> region = Map.of("name", "Fine", "default_region", "XX");
        Map<String, Object> wrongType = Map.of("name", Map.of("a", 1));
        // JSON escapes, as a client would send them: a lone surrogate cannot travel as UTF-8 text
        String surrogate = "{\"name\": \"a\\uD800b\"}";
        for (Object body : new Object[]{Map.of(), nul, surrogate, huge, region, wrongType}) {
            Http.Response response = api().post("/api/v4/accounts", body);
            assertThat(response.status()).as(String.valueOf(body).replace("\u0000", "NUL") + " → " + response).isEqualTo(422);
            assertThat(response.json().path("errors").isArray()).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from accounts").query(Long.class).single()).isEqualTo(accounts);
    }

    @Test
    void aReadKeyOnlyReadsOnBothSurfaces() {
        Http admin = newAccount("US");
        Http read = admin.withKey(issue(admin, "read"));
        assertThat(read.get("/api/v4/users").status()).isEqualTo(200);
        assertThat(read.get("/v3/settings/users").status()).isEqualTo(200);

        Http.Response v4 = read.post("/api/v4/users", Map.of("name", "No", "email", uniqueEmail("no")));
        assertThat(v4.status()).isEqualTo(403);
        assertThat(v4.json().path("errors").get(0).path("message").asString()).contains("read API key");
        assertThat(v4.json().path("code").asInt()).isEqualTo(403);
        Http.Response v3 = read.post("/v3/settings/users", Map.of("user", Map.of("email", uniqueEmail("no"))));
        assertThat(v3.status()).isEqualTo(403);
        assertThat(v3.json().path("error").asString()).contains("read API key");
        assertThat(read.get("/api/v4/api_keys").status()).isEqualTo(403);
        assertThat(admin.get("/api/v4/users").json().path("total_count").asLong()).isZero();
    }

    @Test
    void aWriteKeyChangesUsersButManagesNothing() {
        Http admin = newAccount("US");
        Http write = admin.withKey(issue(admin, "write"));
        assertThat(write.post("/api/v4/users", Map.of("name", "Ivy", "email", uniqueEmail("ivy"))).status())
                .isEqualTo(201);
        long keys = keyRows();
        for (String path : new String[]{"/api/v4/api_keys", "/api/v4/api_key_certificates", "/api/v4/dead_letters",
                "/api/v4/accounts"}) {
            assertThat(write.get(path).status()).as(path).isEqualTo(403);
        }
        Http.Response issue = write.post("/api/v4/api_keys", Map.of("scope", "admin"));
        assertThat(issue.status()).isEqualTo(403);
        Http.Response role = write.post("/v3/settings/roles", Map.of("role", Map.of("name", "Nope")));
        assertThat(role.status()).isEqualTo(403);
        assertThat(role.json().has("error")).isTrue();
        assertThat(keyRows()).isEqualTo(keys);
    }

    @Test
    void keysAreListedShownAndRevokedAtOnceWithoutTheirSecrets() {
        Http admin = newAccount("US");
        String secret = issue(admin, "read");
        Http read = admin.withKey(secret);
        assertThat(read.get("/api/v4/users").status()).isEqualTo(200);

        JsonNode list = admin.get("/api/v4/api_keys").json();
        assertThat(list.path("total_count").asLong()).isEqualTo(2);
        assertThat(list.toString()).doesNotContain(secret).doesNotContain("secret");
        String id = list.path("data").valueStream().filter(k -> k.path("scope").asString().equals("read"))
                .findFirst().orElseThrow().path("id").asString();
        assertThat(admin.get("/api/v4/api_keys/" + id).json().path("label").asString()).isEqualTo("read key");

        assertThat(admin.delete("/api/v4/api_keys/" + id).status()).isEqualTo(204);
        assertThat(read.get("/api/v4/users").status()).isEqualTo(401);
        assertThat(admin.get("/api/v4/api_keys/" + id).status()).isEqualTo(404);
        assertThat(admin.delete("/api/v4/api_keys/" + id).status()).isEqualTo(404);
        assertThat(admin.get("/api/v4/api_keys").json().path("total_count").asLong()).isEqualTo(1);
    }

    @Test
    void anotherAccountsKeysAreNotFoundAndTheOperatorKeyStays() {
        Http a = newAccount("US");
        Http b = newAccount("US");
        String bKey = b.get("/api/v4/api_keys").json().path("data").get(0).path("id").asString();
        assertThat(a.get("/api/v4/api_keys/" + bKey).status()).isEqualTo(404);
        assertThat(a.delete("/api/v4/api_keys/" + bKey).status()).isEqualTo(404);
        assertThat(b.get("/api/v4/api_keys").status()).isEqualTo(200);

        String operatorKey = api().get("/api/v4/api_keys?limit=100").json().path("data").valueStream()
                .filter(k -> k.path("operator").asBoolean()).findFirst().orElseThrow().path("id").asString();
        assertThat(api().delete("/api/v4/api_keys/" + operatorKey).status()).isEqualTo(403);
        assertThat(api().get("/api/v4/accounts").status()).isEqualTo(200);
    }

    @Test
    void badKeysAreRefusedAndIssueNothing() {
        Http admin = newAccount("US");
        long keys = keyRows();
        Map<String, Object> noExpiry = new HashMap<>();
        noExpiry.put("scope", "read");
        noExpiry.put("expires_at", "yesterday");
        for (Object body : new Object[]{Map.of(), Map.of("scope", "root"), Map.of("scope", "READ\u0000"),
                Map.of("scope", 7.5), Map.of("scope", "read", "expires_at", "2001-01-01T00:00:00Z"), noExpiry,
                Map.of("scope", "read", "label", "x".repeat(1000)), "{\"scope\": \"read\", \"label\": \"\\uDC00\"}"}) {
            Http.Response response = admin.post("/api/v4/api_keys", body);
            assertThat(response.status()).as(String.valueOf(body).replace("\u0000", "NUL") + " → " + response).isEqualTo(422);
        }
        assertThat(admin.get("/api/v4/api_keys/a%07b").status()).isEqualTo(422);
        assertThat(keyRows()).isEqualTo(keys);
    }

    @Test
    void anExpiredKeyStopsWorking() {
        Http admin = newAccount("US");
        Instant soon = Instant.now().plusSeconds(2);
        Http.Response key = admin.post("/api/v4/api_keys", Map.of("scope", "read", "expires_at", soon.toString()));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        assertThat(Instant.parse(key.json().path("expires_at").asString())).isCloseTo(soon, within(1, ChronoUnit.MILLIS));
        Http read = admin.withKey(key.json().path("secret").asString());
        assertThat(read.get("/api/v4/users").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> read.get("/api/v4/users").status() == 401);
    }
}
