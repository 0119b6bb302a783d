package dev.users.app.erasure;

import dev.users.app.support.ErrorFormats;
import dev.users.app.support.HeaderHttp;
import dev.users.app.support.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The erasure endpoint used as an attacker would: erasing twice and concurrently with writes (nothing half-applied,
 * no 5xx, no personal value left), other accounts' and members' ids, NUL and huge ids, and Idempotency-Key replays
 * after the erasure (a stored answer must not bring the person back, nor run its request again).
 */
class ErasureAttacksTest extends ErasureFixture {

    private static final int WRITERS = 6;

    @Test
    void erasuresRacingUpdatesAndEachOtherLeaveTheErasureWholeAndNothingPersonal() throws Exception {
        Person person = person();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        HeaderHttp http = new HeaderHttp(port, person.homeKey());
        List<HeaderHttp.Answer> answers = HeaderHttp.concurrently(WRITERS * 2, i -> i % 2 == 0
                ? http.send("POST", "/api/v4/users/" + person.prefixId() + "/erasure", "", Map.of())
                : http.send("PUT", "/api/v4/users/" + person.id(), Map.of("name", "Racing-" + tag + "-" + i,
                        "meta", Map.of("racing", "racing-meta-" + tag + "-" + i)), Map.of()));

        List<Integer> erasures = new ArrayList<>();
        List<Integer> updates = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            HeaderHttp.Answer answer = answers.get(i);
            assertThat(answer.status()).as(answer.toString()).isLessThan(500);
            (i % 2 == 0 ? erasures : updates).add(answer.status());
        }
        assertThat(erasures).as("erasures: one succeeds, the others find it erased or lose the race")
                .containsOnlyOnce(200).allSatisfy(status -> assertThat(status).isIn(200, 404, 409));
        assertThat(updates).as("updates").allSatisfy(status -> assertThat(status).isIn(200, 202, 404, 409));

        // whole: one UserErased, the last event; no key; no read-model row; the addresses free
        assertThat(count("event_index where user_id = ? and event_name = 'UserErased'", person.id())).isEqualTo(1);
        assertThat(jdbc.queryForObject("select event_name from event_index where user_id = ?"
                + " order by sequence desc limit 1", String.class, person.id())).isEqualTo("UserErased");
        assertThat(count("user_keys where user_id = ? and wrapped_key is null", person.id())).isEqualTo(1);
        for (String table : List.of("user_directory", "account_memberships", "sign_in_audit", "email_claims")) {
            assertThat(count(table + " where user_id = ?", person.id())).as(table).isZero();
        }
        assertThat(person.home().get("/api/v4/users/" + person.id()).status()).isEqualTo(404);

        // nothing personal left, the racing updates' values included
        String dump = DatabaseText.dump(jdbc);
        List<String> values = new ArrayList<>(person.values().encodings());
        values.add("Racing-" + tag);
        values.add("racing-meta-" + tag);
        assertThat(values).as("personal values left in the database").noneMatch(dump::contains);
        assertThat(person.home().post("/api/v4/users", Map.of("name", "Next", "email", person.values().email()))
                .status()).as("the address is free").isEqualTo(201);
        assertThat(person.home().get("/api/v4/users/" + person.id() + "/history?limit=100").text())
                .contains("[erased]").doesNotContain("Racing-" + tag, person.values().name());
    }

    @Test
    void othersIdsNulAndHugeIdsAreRefusedAndChangeNothing() {
        Person person = person();
        Account inviter = account();
        Http.Response invited = inviter.http().post("/api/v4/account_users", Map.of("user_attributes",
                Map.of("name", "Invited", "emails_attributes", List.of(Map.of("email", person.values().email())))));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(202);
        String membership = invited.json().path("prefix_id").asString();
        long events = count("domainevententry");
        long keys = count("user_keys where wrapped_key is not null");

        List<String> problems = new ArrayList<>();
        refused(problems, person.member(), "/api/v4/users/" + person.prefixId() + "/erasure", 403);
        refused(problems, inviter.http(), "/api/v4/users/" + membership + "/erasure", 404);
        refused(problems, inviter.http(), "/api/v4/users/" + person.prefixId() + "/erasure", 403);
        refused(problems, person.home(), "/api/v4/users/" + membership + "/erasure", 404);
        // the route takes user ids: an account user id (acu_) names no user there, whoever asks
        refused(problems, person.member(), "/api/v4/users/acu_" + person.id().toString().replace("-", "")
                + "/erasure", 404);
        for (String id : List.of("a%00b", "%00", "usr_%00" + "0".repeat(31), "%E2%80%AE" + person.prefixId(),
                person.prefixId() + "%20", "9".repeat(5_000), "usr_" + "f".repeat(10_000), "..", "%2e%2e",
                "-1", "0", UUID.randomUUID() + ";drop%20table%20user_keys")) {
            refused(problems, person.home(), "/api/v4/users/" + id + "/erasure", null);
        }
        assertThat(problems).isEmpty();
        assertThat(count("domainevententry")).isEqualTo(events);
        assertThat(count("user_keys where wrapped_key is not null")).isEqualTo(keys);
        assertThat(person.home().get("/api/v4/users/" + person.id()).json().path("name").asString())
                .isEqualTo(person.values().name());
    }

    /** A 4xx (the given one, when given) in v4's error format, or what is wrong with the answer. */
    private static void refused(List<String> problems, Http http, String path, Integer status) {
        Http.Response response = http.post(path, "");
        String where = "POST " + (path.length() > 120 ? path.substring(0, 120) + "…" : path) + " → "
                + response.status() + " ";
        if (status != null && response.status() != status) {
            problems.add(where + "instead of " + status + ": " + response);
        } else if (response.status() < 400 || response.status() >= 500) {
            problems.add(where + "not a refusal: " + response);
        } else if (response.text() != null && !response.text().isEmpty() && response.status() != 400
                && ErrorFormats.v4Problem(response) != null) {
            // a 400 may come from the container before the service sees the request (ContainerRejectionsTest)
            problems.add(where + ErrorFormats.v4Problem(response) + ": " + response);
        }
    }

    @Test
    void idempotentReplaysAfterTheErasureNeitherShowNorBringBackThePerson() {
        Account account = account();
        HeaderHttp http = new HeaderHttp(port, account.key());
        PersonalValues values = PersonalValues.unique();
        Map<String, Object> create = Map.of("name", values.name(), "email", values.email());
        Map<String, String> createKey = Map.of("Idempotency-Key", "create-" + UUID.randomUUID());
        HeaderHttp.Answer created = http.send("POST", "/api/v4/users", create, createKey);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("prefix_id").asString();
        UUID userId = UUID.fromString(created.json().path("id").asString());
        Map<String, String> signInKey = Map.of("Idempotency-Key", "sign-in-" + UUID.randomUUID());
        assertThat(http.send("POST", "/api/v4/users/" + id + "/sign_ins", Map.of(), signInKey).status())
                .isEqualTo(201);
        Map<String, Object> v3Create = Map.of("first_name", "Vee", "last_name", values.name(),
                "email", values.secondEmail(), "role_ids", List.of("communicator"));
        Map<String, String> v3Key = Map.of("Idempotency-Key", "v3-" + UUID.randomUUID());
        HeaderHttp.Answer v3Created = http.send("POST", "/v3/settings/users", v3Create, v3Key);
        assertThat(v3Created.status()).as(v3Created.toString()).isEqualTo(201);
        UUID v3User = UUID.fromString(v3Created.json().path("id").asString());
        assertThat(http.send("POST", "/api/v4/users", create, createKey).header("Idempotent-Replayed"))
                .isEqualTo("true");

        Map<String, String> erasureKey = Map.of("Idempotency-Key", "erase-" + UUID.randomUUID());
        HeaderHttp.Answer erased = http.send("POST", "/api/v4/users/" + id + "/erasure", "", erasureKey);
        assertThat(erased.status()).as(erased.toString()).isEqualTo(200);
        HeaderHttp.Answer v3Erased = http.send("POST", "/api/v4/users/" + v3User + "/erasure", "", Map.of());
        assertThat(v3Erased.status()).as(v3Erased.toString()).isEqualTo(200);
        long events = count("domainevententry");
        long users = count("user_directory where account_id = ?", account.id());

        // the erasure's own answer (ids and times only) replays as it was
        HeaderHttp.Answer again = http.send("POST", "/api/v4/users/" + id + "/erasure", "", erasureKey);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.text()).isEqualTo(erased.text());
        // the answers that named the person are gone, and their requests do not run again
        for (var replay : List.of(
                new Object[]{"/api/v4/users", create, createKey},
                new Object[]{"/api/v4/users", Map.of("name", "Other body"), createKey},
                new Object[]{"/api/v4/users/" + id + "/sign_ins", Map.of(), signInKey},
                new Object[]{"/v3/settings/users", v3Create, v3Key})) {
            String path = (String) replay[0];
            @SuppressWarnings("unchecked")
            HeaderHttp.Answer answer = http.send("POST", path, replay[1], (Map<String, String>) replay[2]);
            assertThat(answer.status()).as(path + " " + answer).isEqualTo(410);
            Http.Response asResponse = new Http.Response(answer.status(), answer.text());
            assertThat(path.startsWith("/v3/") ? ErrorFormats.v3Problem(asResponse)
                    : ErrorFormats.v4Problem(asResponse)).as(path + " " + answer).isNull();
            assertThat(answer.text()).doesNotContain(values.name(), values.email(), values.secondEmail(),
                    userId.toString());
        }
        assertThat(count("domainevententry")).as("events").isEqualTo(events);
        assertThat(count("user_directory where account_id = ?", account.id())).as("users").isEqualTo(users);
        assertThat(count("email_claims where lower(address) = lower(?)", values.email())).isZero();
        String dump = DatabaseText.dump(jdbc);
        assertThat(values.encodings()).as("personal values left in the database").noneMatch(dump::contains);
    }
}
